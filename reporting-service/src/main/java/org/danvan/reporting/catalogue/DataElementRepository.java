package org.danvan.reporting.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DataElementRepository extends MongoRepository<DataElementDocument, String> {
}
