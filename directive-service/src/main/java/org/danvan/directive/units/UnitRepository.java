package org.danvan.directive.units;

import org.springframework.data.mongodb.repository.MongoRepository;

interface UnitRepository extends MongoRepository<Unit, String> {
}
