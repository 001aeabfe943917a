package org.danvan.directive.directives;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DirectiveRepository extends MongoRepository<DirectiveDocument, String> {

    boolean existsByIssuerUnitIdAndNumber(String issuerUnitId, String number);
}
