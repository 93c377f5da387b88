package io.ternmq.core.auth;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The enhanced-authentication methods a broker offers, by their Authentication Method name. Immutable. */
public final class AuthenticationMechanisms {

    /** No enhanced authentication: every CONNECT naming a method is refused with 0x8C. */
    public static final AuthenticationMechanisms NONE = new AuthenticationMechanisms(Map.of());

    private final Map<String, AuthenticationMechanism> byMethod;

    private AuthenticationMechanisms(Map<String, AuthenticationMechanism> byMethod) {
        this.byMethod = byMethod;
    }

    /** The given mechanisms; two with the same method name are an error, not a silent override. */
    public static AuthenticationMechanisms of(List<AuthenticationMechanism> mechanisms) {
        Map<String, AuthenticationMechanism> byMethod = new LinkedHashMap<>();
        for (AuthenticationMechanism mechanism : mechanisms) {
            if (byMethod.putIfAbsent(mechanism.method(), mechanism) != null) {
                throw new IllegalArgumentException("two mechanisms for method '" + mechanism.method() + "'");
            }
        }
        return new AuthenticationMechanisms(Map.copyOf(byMethod));
    }

    public static AuthenticationMechanisms of(AuthenticationMechanism... mechanisms) {
        return of(List.of(mechanisms));
    }

    /** The mechanism for {@code method}, or null when the broker does not offer it. */
    public @Nullable AuthenticationMechanism find(String method) {
        return byMethod.get(method);
    }

    public Set<String> methods() {
        return byMethod.keySet();
    }
}
