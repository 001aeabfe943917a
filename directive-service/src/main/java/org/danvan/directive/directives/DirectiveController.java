package org.danvan.directive.directives;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/directives")
class DirectiveController {

    private final Directives directives;

    DirectiveController(Directives directives) {
        this.directives = directives;
    }

    @PostMapping
    ResponseEntity<DirectiveView> issue(@Valid @RequestBody DirectiveRequest request) {
        DirectiveView view = directives.issue(request);
        return ResponseEntity.created(URI.create("/api/v1/directives/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    DirectiveView get(@PathVariable String id) {
        return directives.get(id);
    }
}
