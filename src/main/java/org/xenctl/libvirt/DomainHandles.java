package org.xenctl.libvirt;

import static org.xenctl.libvirt.LibvirtCalls.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * libvirt-java's domain handles of one connection, kept by UUID to save lookups. Every virDomainPtr holds a reference
 * on its connection: each is freed when replaced, forgotten or at {@link #freeAll}, or the connection (and the test
 * driver's state) would outlive its close until the garbage collector finalizes them.
 */
final class DomainHandles {
    private final Supplier<Connect> connect;
    private final String uri;
    private final Map<String, Domain> handles = new HashMap<>();

    DomainHandles(Supplier<Connect> connect, String uri) {
        this.connect = connect;
        this.uri = uri;
    }

    /**
     * The domain the user means: by id, by UUID and by name, as its text allows. When the text is the id (or the
     * UUID) of one domain and the name of another ("1": the running domain 1, and a shut-off domain named "1"),
     * it names neither for sure: USAGE, with both, rather than acting on the wrong one. DOMAIN_NOT_FOUND when none.
     */
    Domain find(DomainRef ref) {
        List<Lookup> attempts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        if (ref.looksLikeId()) {
            attempts.add(() -> connect.get().domainLookupByID(Integer.parseInt(ref.text())));
            kinds.add("the id");
        }
        if (ref.looksLikeUuid()) {
            attempts.add(() -> connect.get().domainLookupByUUIDString(ref.text()));
            kinds.add("the UUID");
        }
        attempts.add(() -> connect.get().domainLookupByName(ref.text()));
        kinds.add("the name");
        Domain found = null;
        String foundUuid = null;
        String foundAs = null;
        for (int i = 0; i < attempts.size(); i++) {
            Domain domain = lookup(attempts.get(i), ref);
            if (domain == null) {
                continue;
            }
            String uuid = remember(domain);
            if (found == null) {
                found = domain;
                foundUuid = uuid;
                foundAs = kinds.get(i);
            } else if (!uuid.equals(foundUuid)) {
                throw new XenctlException(ErrorCode.USAGE, "'" + ref + "' is " + foundAs + " of domain " + nameOf(found)
                        + " and " + kinds.get(i) + " of another domain, " + uuid, "name the one you mean by its UUID ("
                        + foundUuid + " or " + uuid + ")");
            }
        }
        if (found == null) {
            throw new XenctlException(ErrorCode.DOMAIN_NOT_FOUND, "domain '" + ref + "' not found on " + uri
                    + " (xenctl list --all shows its domains)");
        }
        return found;
    }

    private static Domain lookup(Lookup attempt, DomainRef ref) {
        try {
            return attempt.run();
        } catch (LibvirtException e) {
            if (e.getError() == null || e.getError().getCode() != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                throw LibvirtErrors.translate(e, "cannot look up domain " + ref);
            }
            return null;
        }
    }

    private static String nameOf(Domain domain) {
        try {
            return domain.getName();
        } catch (LibvirtException e) {
            return "(unnamed)";
        }
    }

    /**
     * The domain named {@code name}, if there is one: by name only, so that defining a domain named "1" or like
     * another domain's UUID finds no other domain by its id or UUID.
     */
    Optional<Domain> existing(String name) {
        Domain domain = lookup(() -> connect.get().domainLookupByName(name), DomainRef.of(name));
        if (domain == null) {
            return Optional.empty();
        }
        remember(domain);
        return Optional.of(domain);
    }

    /**
     * The handles of these domains by UUID, those not kept looked up a few at a time (stats reads hundreds); a domain
     * gone since it was listed is left out.
     */
    Map<String, Domain> present(List<String> uuids) {
        Connect connection = connect.get();
        List<String> missing = uuids.stream().filter(uuid -> !handles.containsKey(uuid)).toList();
        List<Domain> found = ConcurrentCalls.map(missing, uuid -> lookup(() ->
                connection.domainLookupByUUIDString(uuid), DomainRef.of(uuid)));
        for (int i = 0; i < missing.size(); i++) {
            if (found.get(i) != null) {
                keep(missing.get(i), found.get(i));
            }
        }
        Map<String, Domain> present = new HashMap<>();
        for (String uuid : uuids) {
            Domain domain = handles.get(uuid);
            if (domain != null) {
                present.put(uuid, domain);
            }
        }
        return present;
    }

    /** The handle of the domain with this UUID, looked up if not kept; DOMAIN_NOT_FOUND once it is gone. */
    Domain get(String uuid) {
        Domain domain = handles.get(uuid);
        return domain != null ? domain : byUuid(uuid);
    }

    private Domain byUuid(String uuid) {
        try {
            Domain domain = connect.get().domainLookupByUUIDString(uuid);
            keep(uuid, domain);
            return domain;
        } catch (LibvirtException e) {
            XenctlException failure = LibvirtErrors.translate(e, "cannot look up domain " + uuid);
            throw failure.code() == ErrorCode.DOMAIN_NOT_FOUND ? gone(uuid) : failure;
        }
    }

    /** Keeps a handle libvirt just gave (define, create) and returns its UUID. */
    String remember(Domain domain) {
        String uuid = call("cannot read a domain's UUID", domain::getUUIDString);
        keep(uuid, domain);
        return uuid;
    }

    private void keep(String uuid, Domain domain) {
        Domain previous = handles.put(uuid, domain);
        if (previous != null && previous != domain) {
            free(previous);
        }
    }

    /** Frees the handle of a domain that is gone or renamed. */
    void forget(String uuid) {
        Domain previous = handles.remove(uuid);
        if (previous != null) {
            free(previous);
        }
    }

    void freeAll() {
        handles.values().forEach(DomainHandles::free);
        handles.clear();
    }

    static XenctlException gone(String uuid) {
        return new XenctlException(ErrorCode.DOMAIN_NOT_FOUND, "domain " + uuid + " no longer exists");
    }

    static void free(Domain domain) {
        try {
            domain.free();
        } catch (LibvirtException e) {
            // Released already; nothing more to do.
        }
    }

    @FunctionalInterface
    private interface Lookup {
        Domain run() throws LibvirtException;
    }
}
