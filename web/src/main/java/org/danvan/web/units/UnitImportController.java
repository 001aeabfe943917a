package org.danvan.web.units;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;

import jakarta.servlet.http.HttpSession;
import org.danvan.web.api.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Importing units from a CSV: every file is first checked (a dry run listing every row at fault); only a file
 * with none can be imported. The import runs as a job of directive-service, whose page reads it from the API
 * at every refresh: rows done of total, then the report or the problem.
 */
@Controller
@RequestMapping("/units/import")
class UnitImportController {

    /** The checked file waiting for the operator to import it, kept in their session. */
    private static final String CHECKED = "danvan.units.import.checked";

    private final UnitImports imports;
    private final Clock clock;

    UnitImportController(UnitImports imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    record CheckedFile(String filename, byte[] csv) implements Serializable {
    }

    @GetMapping
    String form() {
        return "units/import";
    }

    @PostMapping
    String check(@RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
        session.removeAttribute(CHECKED);
        model.addAttribute("filename", file.getOriginalFilename());
        if (file.isEmpty()) {
            model.addAttribute("emptyFile", true);
            return "units/import";
        }
        try {
            UnitApi.ImportReport report = imports.dryRun(file.getBytes());
            model.addAttribute("report", report);
            if (report.errors().isEmpty() && report.rows() > 0) {
                session.setAttribute(CHECKED, new CheckedFile(file.getOriginalFilename(), file.getBytes()));
            }
        } catch (ApiProblemException e) {
            model.addAttribute("problem", e.problem());
        }
        return "units/import";
    }

    @PostMapping("/start")
    String start(HttpSession session) {
        if (!(session.getAttribute(CHECKED) instanceof CheckedFile checked)) {
            return "redirect:/units/import";
        }
        session.removeAttribute(CHECKED);
        return "redirect:/units/import/" + imports.start(checked.filename(), checked.csv()).id();
    }

    @GetMapping("/{id}")
    String progress(@PathVariable String id, Model model) {
        UnitApi.ImportJob job;
        try {
            job = imports.job(id);
        } catch (ApiProblemException e) {
            if (e.problem().status() == HttpStatus.NOT_FOUND.value()) {
                // another user's import, like an unknown one
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw e;
        }
        model.addAttribute("job", job);
        model.addAttribute("elapsed", job.elapsed(clock.instant()));
        return "units/progress";
    }
}
