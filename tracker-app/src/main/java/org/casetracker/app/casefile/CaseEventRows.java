package org.casetracker.app.casefile;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface CaseEventRows extends JpaRepository<CaseEventRow, Long> {

    Page<CaseEventRow> findByCaseIdOrderByGlobalIndexAsc(String caseId, Pageable page);

    boolean existsByCaseId(String caseId);

    List<CaseEventRow> findByCaseIdOrderByGlobalIndexAsc(String caseId);
}
