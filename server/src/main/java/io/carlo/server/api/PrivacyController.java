package io.carlo.server.api;

import io.carlo.server.privacy.AccountDeletion;
import io.carlo.server.privacy.OrganizationDeletion;
import io.carlo.server.privacy.OrganizationExport;
import io.carlo.server.privacy.PersonalDataExport;
import io.carlo.server.security.Actor;
import io.carlo.server.security.SessionCookie;
import io.carlo.server.tenancy.Organization;
import io.carlo.server.tenancy.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Export and deletion of a person's data and of an organization's (GDPR). */
@RestController
@Tag(name = "Privacy", description = "export and deletion of your account's and your organization's data")
public class PrivacyController {

    /** @param confirm your e-mail address (account), or the organization's exact name */
    public record Confirmation(String confirm) {
    }

    private final PersonalDataExport personalData;
    private final AccountDeletion accountDeletion;
    private final OrganizationExport organizationExport;
    private final OrganizationDeletion organizationDeletion;
    private final SessionCookie cookie;

    public PrivacyController(PersonalDataExport personalData, AccountDeletion accountDeletion,
                             OrganizationExport organizationExport, OrganizationDeletion organizationDeletion,
                             SessionCookie cookie) {
        this.personalData = personalData;
        this.accountDeletion = accountDeletion;
        this.organizationExport = organizationExport;
        this.organizationDeletion = organizationDeletion;
        this.cookie = cookie;
    }

    @Operation(summary = "Your data as a zip: profile, memberships, API keys (no secrets), your audit entries, the "
            + "workbooks you uploaded and the simulations you started (signed-in users)")
    @GetMapping("/api/v1/me/export")
    public ResponseEntity<StreamingResponseBody> exportMe(Actor actor) {
        UserAccount user = personalData.begin(actor);
        return zip("carlo-account-" + user.id() + ".zip", out -> personalData.write(user, out));
    }

    @Operation(summary = "Delete your account for good; send {\"confirm\": \"<your e-mail address>\"}. Refused while "
            + "you are the only owner of an organization with other members")
    @DeleteMapping("/api/v1/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteMe(Actor actor, @RequestBody(required = false) Confirmation body, HttpServletRequest request,
                         HttpServletResponse response) {
        accountDeletion.delete(actor, body == null ? null : body.confirm());
        cookie.clear(request, response);
    }

    @Operation(summary = "All of the organization's data as a zip, workbook files and results included (owner)")
    @GetMapping("/api/v1/organizations/{id}/export")
    public ResponseEntity<StreamingResponseBody> exportOrganization(Actor actor, @PathVariable UUID id) {
        Organization org = organizationExport.begin(actor, id);
        return zip("carlo-organization-" + id + ".zip", out -> organizationExport.write(org, out));
    }

    @Operation(summary = "Delete the organization and all its data, files and audit log for good (owner, signed in); "
            + "send {\"confirm\": \"<the organization's exact name>\"}")
    @DeleteMapping("/api/v1/organizations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteOrganization(Actor actor, @PathVariable UUID id,
                                   @RequestBody(required = false) Confirmation body) {
        organizationDeletion.delete(actor, id, body == null ? null : body.confirm());
    }

    private static ResponseEntity<StreamingResponseBody> zip(String name, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
