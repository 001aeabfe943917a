package org.danvan.reporting.reports;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportRepository extends MongoRepository<Report, String> {

    boolean existsByFormCodeAndUnitIdAndPeriod(String formCode, String unitId, String period);
}
