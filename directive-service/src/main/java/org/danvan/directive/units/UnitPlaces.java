package org.danvan.directive.units;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.danvan.support.text.VietnameseText;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Place names for citizens without an account choosing where something happened: open units whose name holds
 * the words typed (diacritics and case ignored), with only their code, name, level and parent's name.
 */
@Service
class UnitPlaces {

    static final int LIMIT = 20;

    private final MongoTemplate mongo;

    UnitPlaces(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What a citizen may see of a unit: nothing beyond where it is. */
    record Place(String id, String name, String level, String parentName) {
    }

    List<Place> find(String text, LocalDate today) {
        String folded = text == null ? "" : VietnameseText.fold(text).trim();
        if (folded.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(new Criteria().andOperator(Criteria.where("openedOn").lte(today),
                new Criteria().orOperator(Criteria.where("closedOn").is(null), Criteria.where("closedOn").gt(today)),
                Criteria.where("nameFolded").regex(Pattern.quote(folded)))).with(Sort.by("name")).limit(LIMIT);
        List<Unit> found = mongo.find(query, Unit.class);
        Set<String> parentIds = found.stream().flatMap(unit -> unit.parentOn(today).stream()).collect(Collectors.toSet());
        Map<String, String> parentNames = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(parentIds)), Unit.class)
                .forEach(parent -> parentNames.put(parent.code, parent.nameOn(today)));
        return found.stream().map(unit -> new Place(unit.code, unit.nameOn(today), unit.level,
                unit.parentOn(today).map(parentNames::get).orElse(null))).toList();
    }
}
