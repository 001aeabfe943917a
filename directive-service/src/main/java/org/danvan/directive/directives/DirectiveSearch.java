package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.danvan.support.text.VietnameseText;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Finds directives by issuer, kind, year, recipient, status and words of the number or title (no diacritics). */
@Service
class DirectiveSearch {

    private final MongoTemplate mongo;

    DirectiveSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Filter(String text, String issuer, DirectiveKind kind, Integer year, String recipient, DirectiveStatus status) {
    }

    record Page(List<DirectiveView> items, int page, int size, long total) {
    }

    /** {@code visibility}: the directives the caller may see (null: all). */
    Page find(Filter filter, Criteria visibility, int page, int size) {
        Criteria criteria = visibility == null ? new Criteria() : new Criteria().andOperator(visibility);
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.and("searchText").regex(Pattern.quote(VietnameseText.fold(filter.text())));
        }
        if (filter.issuer() != null) {
            criteria.and("content.issuerUnitId").is(filter.issuer());
        }
        if (filter.kind() != null) {
            criteria.and("content.kind").is(filter.kind());
        }
        if (filter.year() != null) {
            criteria.and("content.issuedOn").gte(LocalDate.of(filter.year(), 1, 1)).lt(LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.recipient() != null) {
            criteria.and("recipients").is(filter.recipient());
        }
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Directive.class);
        List<DirectiveView> items = mongo.find(query.with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "content.issuedOn"))),
                Directive.class).stream().map(Directive::view).toList();
        return new Page(items, page, size, total);
    }
}
