package org.danvan.directive.units;

import java.time.Clock;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.danvan.support.problem.PreconditionFailedException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit tree. Every read takes {@code asOf} (default today): the tree as it stood on that date. Changes
 * honour {@code If-Match} with the ETag of the unit they change.
 */
@RestController
@RequestMapping("/api/v1/units")
@org.springframework.validation.annotation.Validated
class UnitController {

    private final UnitChanges changes;
    private final Units units;
    private final UnitPlaces places;

    private final Clock clock;

    UnitController(UnitChanges changes, Units units, UnitPlaces places, Clock clock) {
        this.changes = changes;
        this.units = units;
        this.places = places;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<UnitView> register(@Valid @RequestBody UnitRequests.Register request) {
        UnitAdministration.requireOperator();
        UnitView view = changes.register(request);
        return ResponseEntity.created(URI.create("/api/v1/units/" + view.code()))
                .eTag(PreconditionFailedException.etag(view.version())).body(view);
    }

    @GetMapping("/{code}")
    ResponseEntity<UnitView> get(@PathVariable String code, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        UnitView view = units.get(code, today(asOf));
        return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
    }

    @GetMapping("/{code}/children")
    PageView children(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return PageView.of(units.children(code, today(asOf), PageRequest.of(page, size)));
    }

    @GetMapping("/{code}/subtree")
    List<UnitView> subtree(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "1") @Min(0) @Max(6) int depth) {
        return units.subtree(code, today(asOf), depth);
    }

    @GetMapping("/{code}/ancestors")
    List<UnitView> ancestors(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.ancestors(code, today(asOf));
    }

    @GetMapping
    PageView search(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return PageView.of(units.search(q, level, kind, today(asOf), PageRequest.of(page, size)));
    }

    /** The one read without a token (citizens choosing the area of a case): open units by name, where they are and nothing more. */
    @GetMapping("/places")
    @Operation(summary = "Find open units by place name without an account",
            description = "Words of the name, diacritics and case ignored; at most 20, each with only its id, name, level and parent's name. No token needed.")
    @SecurityRequirements
    List<UnitPlaces.Place> places(@RequestParam(required = false) @Size(max = 100) String q) {
        return places.find(q, LocalDate.now(clock));
    }

    @PostMapping("/{code}/move")
    ResponseEntity<UnitView> move(@PathVariable String code, @Valid @RequestBody UnitRequests.Move request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UnitAdministration.requireOperator();
        return withEtag(changes.move(code, request, ifMatch));
    }

    @PostMapping("/{code}/rename")
    ResponseEntity<UnitView> rename(@PathVariable String code, @Valid @RequestBody UnitRequests.Rename request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UnitAdministration.requireOperator();
        return withEtag(changes.rename(code, request, ifMatch));
    }

    @PostMapping("/{code}/close")
    ResponseEntity<UnitView> close(@PathVariable String code, @Valid @RequestBody UnitRequests.Close request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        UnitAdministration.requireOperator();
        return withEtag(changes.close(code, request, ifMatch));
    }

    private static ResponseEntity<UnitView> withEtag(UnitView view) {
        return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
    }

    private LocalDate today(LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }

    /** One page of units with the total, as the API returns lists. */
    record PageView(List<UnitView> items, int page, int size, long total) {
        static PageView of(Page<UnitView> page) {
            return new PageView(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
        }
    }
}
