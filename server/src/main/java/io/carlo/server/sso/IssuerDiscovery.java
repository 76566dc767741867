package io.carlo.server.sso;

import io.carlo.server.api.ApiException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * Reads an issuer's OpenID Connect discovery document ({@code /.well-known/openid-configuration})
 * through Spring Security, which also checks that the document names the same issuer. Done when a
 * configuration is saved, so that a typo is reported to the admin rather than to every person who
 * then tries to sign in.
 */
@Component
public class IssuerDiscovery {

    /** The endpoints a sign-in needs, as the issuer announces them. */
    public record Endpoints(String issuer, String authorizationUri, String tokenUri, String jwksUri,
                            String authMethod) {
    }

    public Endpoints discover(String issuer) {
        ClientRegistration r;
        try {
            r = ClientRegistrations.fromOidcIssuerLocation(issuer).clientId("discovery").build();
        } catch (RuntimeException e) {
            throw ApiException.unprocessable("Issuer not usable", "could not read a valid OpenID Connect discovery "
                    + "document at " + issuer + "/.well-known/openid-configuration (" + reason(e) + "); check the "
                    + "issuer URL, exactly as the provider states it, and that Carlo can reach it");
        }
        ClientRegistration.ProviderDetails p = r.getProviderDetails();
        if (p.getJwkSetUri() == null || p.getJwkSetUri().isBlank()) {
            throw ApiException.unprocessable("Issuer not usable",
                    "the discovery document of " + issuer + " has no jwks_uri: Carlo cannot check ID token signatures");
        }
        ClientAuthenticationMethod method = r.getClientAuthenticationMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            throw ApiException.unprocessable("Issuer not usable", "the provider at " + issuer
                    + " accepts neither client_secret_basic nor client_secret_post at its token endpoint");
        }
        return new Endpoints(p.getIssuerUri(), p.getAuthorizationUri(), p.getTokenUri(), p.getJwkSetUri(),
                method.getValue());
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String first = e.getMessage() == null ? "" : e.getMessage();
        String why = first.contains("did not match") ? first : text;
        return why.length() > 300 ? why.substring(0, 300) + "..." : why;
    }
}
