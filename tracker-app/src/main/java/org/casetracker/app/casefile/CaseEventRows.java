package org.casetracker.app.casefile;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;

public interface CaseEventRows extends JpaRepository<CaseEventRow, CaseEventRow.Key>, JpaSpecificationExecutor<CaseEventRow> {

    Page<CaseEventRow> findByCaseIdOrderByGlobalIndexAsc(String caseId, Pageable page);

    boolean existsByCaseId(String caseId);

    List<CaseEventRow> findByCaseIdOrderByGlobalIndexAsc(String caseId);
}
