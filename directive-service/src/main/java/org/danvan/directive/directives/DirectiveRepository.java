package org.danvan.directive.directives;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DirectiveRepository extends MongoRepository<Directive, String> {

    boolean existsByContentIssuerUnitIdAndContentNumber(String issuerUnitId, String number);

    List<Directive> findByStatusInAndContentValidUntilBefore(List<DirectiveStatus> statuses, java.time.LocalDate date);

    /** Issued (non-draft) directives that implement the given one: the implementing plans filed for it. */
    List<Directive> findByContentImplementsDirectiveIdsContainingAndStatusNot(String directiveId, DirectiveStatus status);
}
