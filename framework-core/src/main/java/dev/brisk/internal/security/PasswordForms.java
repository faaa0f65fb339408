package dev.brisk.internal.security;

import dev.brisk.Form;
import dev.brisk.Provides;
import dev.brisk.security.OAuth2PasswordRequestForm;
import dev.brisk.security.OAuth2PasswordRequestFormStrict;
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The providers of the OAuth2 password forms: plain form parameters, validated like any other
 * ({@code grant_type} must be {@code password}). Instance methods, because Bean Validation checks only
 * those. Their {@link #SECRET_FIELDS} are marked as credentials in the route model.
 */
public final class PasswordForms {
    /** The form fields that carry secrets. */
    public static final Set<String> SECRET_FIELDS = Set.of("password", "client_secret");

    @Provides
    public OAuth2PasswordRequestForm passwordForm(@Form("grant_type") Optional<@Pattern(regexp = "^password$") String> grantType,
                                                  @Form String username, @Form String password,
                                                  @Form(defaultValue = "") String scope,
                                                  @Form("client_id") Optional<String> clientId,
                                                  @Form("client_secret") Optional<String> clientSecret) {
        return new OAuth2PasswordRequestForm(grantType, username, password, split(scope), clientId, clientSecret);
    }

    @Provides
    public OAuth2PasswordRequestFormStrict strictPasswordForm(@Form("grant_type") @Pattern(regexp = "^password$") String grantType,
                                                              @Form String username, @Form String password,
                                                              @Form(defaultValue = "") String scope,
                                                              @Form("client_id") Optional<String> clientId,
                                                              @Form("client_secret") Optional<String> clientSecret) {
        return new OAuth2PasswordRequestFormStrict(grantType, username, password, split(scope), clientId, clientSecret);
    }

    /** Python's {@code str.split()}: runs of whitespace separate, none at the ends. */
    static List<String> split(String scope) {
        var out = new java.util.ArrayList<String>();
        int i = 0;
        int n = scope.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(scope.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(scope.charAt(i))) i++;
            if (i > start) out.add(scope.substring(start, i));
        }
        return out;
    }
}
