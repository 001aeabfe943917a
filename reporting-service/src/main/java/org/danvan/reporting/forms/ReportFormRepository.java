package org.danvan.reporting.forms;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportFormRepository extends MongoRepository<ReportFormDocument, String> {
}
