package org.danvan.reporting.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface IndicatorRepository extends MongoRepository<IndicatorDocument, String> {
}
