package org.danvan.web.petitions;

import java.util.Arrays;
import java.util.List;

import org.danvan.web.api.ApiProblemException;
import org.danvan.web.api.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Petitions for everyone: the list, one petition, and signing it online. */
@Controller
@RequestMapping("/petitions")
class PetitionController {

    private final RestClient gateway;

    PetitionController(RestClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String list(Model model) {
        PetitionApi.Petition[] petitions = Problems.call(() -> gateway.get().uri("/api/v1/petitions")
                .retrieve().body(PetitionApi.Petition[].class));
        model.addAttribute("petitions", petitions == null ? List.of() : Arrays.asList(petitions));
        return "petitions/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @ModelAttribute("form") SignForm form, Model model) {
        model.addAttribute("petition", petition(id));
        return "petitions/petition";
    }

    @PostMapping("/{id}")
    String sign(@PathVariable String id, @ModelAttribute("form") SignForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        try {
            Problems.call(() -> gateway.post().uri("/api/v1/petitions/{id}/signatures", id)
                    .body(new PetitionApi.Signature(form.getName(), form.getIdNumber())).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("signed", true);
            return "redirect:/petitions/" + id;
        } catch (ApiProblemException e) {
            Problems.show(e.problem(), binding, model);
            model.addAttribute("petition", petition(id));
            return "petitions/petition";
        }
    }

    private PetitionApi.Petition petition(String id) {
        return Problems.call(() -> gateway.get().uri("/api/v1/petitions/{id}", id).retrieve().body(PetitionApi.Petition.class));
    }
}
