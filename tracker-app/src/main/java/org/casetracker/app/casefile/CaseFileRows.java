package org.casetracker.app.casefile;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface CaseFileRows extends JpaRepository<CaseFileRow, String> {

    List<CaseFileRow> findAllByOrderByFiledOnAscCaseIdAsc();
}
