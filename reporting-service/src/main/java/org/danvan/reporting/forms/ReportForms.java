package org.danvan.reporting.forms;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** The report forms units fill in, as stored. */
@Service
public class ReportForms {

    private final ReportFormRepository repository;

    ReportForms(ReportFormRepository repository) {
        this.repository = repository;
    }

    public List<ReportForm> all() {
        return repository.findAll(Sort.by("_id")).stream().map(ReportFormDocument::form).toList();
    }

    public Optional<ReportForm> find(String code) {
        return code == null ? Optional.empty() : repository.findById(code).map(ReportFormDocument::form);
    }
}
