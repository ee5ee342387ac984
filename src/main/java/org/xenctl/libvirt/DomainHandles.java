package org.xenctl.libvirt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The domain handles of one connection, kept by UUID to save lookups: looked up and read with {@link DirectCalls}
 * (so that a verb that only finds and reads a domain never builds libvirt-java's proxy), held as libvirt-java
 * Domains for the calls that go through libvirt-java. Every virDomainPtr holds a reference on its connection: each
 * is freed when replaced, forgotten or at {@link #freeAll}, or the connection (and the test driver's state) would
 * outlive its close until the garbage collector finalizes them. Safe to share between threads (shutdown requests
 * are sent several at once): the map is guarded by this object, never held across a call that acts on a domain.
 */
final class DomainHandles {
    private final Pointer connection;
    private final Supplier<Connect> connect;
    private final String uri;
    private final Map<String, Domain> handles = new HashMap<>();

    DomainHandles(Pointer connection, Supplier<Connect> connect, String uri) {
        this.connection = connection;
        this.connect = connect;
        this.uri = uri;
    }

    /**
     * The domains the user means, in the order named (a domain named twice, twice): each by id, by UUID and by name,
     * as its text allows. When a text is the id (or the UUID) of one domain and the name of another ("1": the running
     * domain 1, and a shut-off domain named "1"), it names neither for sure: USAGE, with both, rather than acting on
     * the wrong one. DOMAIN_NOT_FOUND when none. Every lookup comes before any handle is taken: a lookup of a domain
     * already kept replaces its handle and frees the earlier one.
     */
    synchronized List<Domain> find(List<DomainRef> refs) {
        List<String> uuids = new ArrayList<>(refs.size());
        for (DomainRef ref : refs) {
            uuids.add(findUuid(ref));
        }
        List<Domain> domains = new ArrayList<>(uuids.size());
        for (String uuid : uuids) {
            domains.add(handles.get(uuid));
        }
        return domains;
    }

    /** The UUID of the domain {@code ref} names (see {@link #find}), whose handle is then kept. */
    private String findUuid(DomainRef ref) {
        List<Lookup> attempts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        if (ref.looksLikeId()) {
            attempts.add(() -> DirectCalls.virDomainLookupByID(connection, Integer.parseInt(ref.text())));
            kinds.add("the id");
        }
        if (ref.looksLikeUuid()) {
            attempts.add(() -> DirectCalls.virDomainLookupByUUIDString(connection, ref.text()));
            kinds.add("the UUID");
        }
        attempts.add(() -> DirectCalls.virDomainLookupByName(connection, ref.text()));
        kinds.add("the name");
        // A domain found twice (running as id 2 and named "2") is kept once: the second handle replaces the first.
        String foundUuid = null;
        String foundAs = null;
        for (int i = 0; i < attempts.size(); i++) {
            Domain domain = lookup(attempts.get(i), ref, connect.get());
            if (domain == null) {
                continue;
            }
            String uuid = remember(domain);
            if (foundUuid == null) {
                foundUuid = uuid;
                foundAs = kinds.get(i);
            } else if (!uuid.equals(foundUuid)) {
                throw new XenctlException(ErrorCode.USAGE, "'" + ref + "' is " + foundAs + " of domain "
                        + nameOf(handles.get(foundUuid)) + " and " + kinds.get(i) + " of another domain, " + uuid,
                        "name the one you mean by its UUID (" + foundUuid + " or " + uuid + ")");
            }
        }
        if (foundUuid == null) {
            throw new XenctlException(ErrorCode.DOMAIN_NOT_FOUND, "domain '" + ref + "' not found on " + uri
                    + " (xenctl list --all shows its domains)");
        }
        return foundUuid;
    }

    /**
     * The domain {@code attempt} finds, as libvirt-java's Domain of {@code owner}; null when libvirt has no such
     * domain. {@code owner} is fetched by the caller, on its own thread: libvirt-java's Connect is made on first use,
     * and two made at once around one connection would each close it when finalized.
     */
    private static Domain lookup(Lookup attempt, DomainRef ref, Connect owner) {
        Pointer found = attempt.run();
        if (found != null) {
            return NativeHandles.wrap(owner, found);
        }
        NativeCalls.LastError error = NativeCalls.LastError.take();
        if (error != null && error.number() == ErrorNumber.VIR_ERR_NO_DOMAIN) {
            return null;
        }
        String doing = "cannot look up domain " + ref;
        throw NativeCalls.failure(error, doing);
    }

    /** The domain's name, or "(unnamed)" when libvirt cannot say (a message being built must not fail). */
    static String nameOf(Domain domain) {
        String name = DirectCalls.virDomainGetName(NativeHandles.of(domain));
        if (name == null) {
            NativeCalls.LastError.take();
            return "(unnamed)";
        }
        return name;
    }

    /**
     * The domain named {@code name}, if there is one: by name only, so that defining a domain named "1" or like
     * another domain's UUID finds no other domain by its id or UUID.
     */
    synchronized Optional<Domain> existing(String name) {
        Domain domain = lookup(() -> DirectCalls.virDomainLookupByName(connection, name), DomainRef.of(name),
                connect.get());
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
    synchronized Map<String, Domain> present(List<String> uuids) {
        List<String> missing = uuids.stream().filter(uuid -> !handles.containsKey(uuid)).toList();
        Connect owner = connect.get();
        List<Domain> found = ConcurrentCalls.map(missing, uuid -> lookup(() ->
                DirectCalls.virDomainLookupByUUIDString(connection, uuid), DomainRef.of(uuid), owner));
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
    synchronized Domain get(String uuid) {
        Domain domain = handles.get(uuid);
        return domain != null ? domain : byUuid(uuid);
    }

    /**
     * The handle of this domain with a reference of the caller's own, taken under the same guard as a free: for a
     * call that may outlive the keeping of the handle. The caller frees it with virDomainFree.
     */
    synchronized Pointer referenced(String uuid) {
        Pointer domain = NativeHandles.of(get(uuid));
        NativeCalls.check(DirectCalls.virDomainRef(domain), "cannot use domain " + uuid);
        return domain;
    }

    private Domain byUuid(String uuid) {
        Domain domain = lookup(() -> DirectCalls.virDomainLookupByUUIDString(connection, uuid), DomainRef.of(uuid),
                connect.get());
        if (domain == null) {
            throw gone(uuid);
        }
        keep(uuid, domain);
        return domain;
    }

    /** Keeps a handle libvirt just gave (define, create) and returns its UUID. */
    synchronized String remember(Domain domain) {
        String uuid = DomainStats.uuid(NativeHandles.of(domain));
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
    synchronized void forget(String uuid) {
        Domain previous = handles.remove(uuid);
        if (previous != null) {
            free(previous);
        }
    }

    synchronized void freeAll() {
        handles.values().forEach(DomainHandles::free);
        handles.clear();
    }

    static XenctlException gone(String uuid) {
        return new XenctlException(ErrorCode.DOMAIN_NOT_FOUND, "domain " + uuid + " no longer exists");
    }

    static void free(Domain domain) {
        NativeHandles.free(domain);
    }

    /** One native lookup: the virDomainPtr, or NULL with libvirt's error set. */
    @FunctionalInterface
    private interface Lookup {
        Pointer run();
    }
}
