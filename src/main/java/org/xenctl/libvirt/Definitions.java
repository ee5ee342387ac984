package org.xenctl.libvirt;

import static org.xenctl.libvirt.LibvirtCalls.call;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor.Definition;
import org.xenctl.domain.XenctlException;

/**
 * New domains from libvirt XML: a persistent definition (made, or updated in place, saying whether it changed) and a
 * transient domain; a name another domain holds is refused, saying what that domain is, whether it held it before
 * or took it while this one was being made.
 */
final class Definitions {
    private static final int XML_INACTIVE = 2;
    private static final int CREATE_PAUSED = 1;

    private final Supplier<Connect> connect;
    private final DomainHandles handles;
    private final Function<String, Optional<DomainSummary>> refresh;

    Definitions(Supplier<Connect> connect, DomainHandles handles, Function<String, Optional<DomainSummary>> refresh) {
        this.connect = connect;
        this.handles = handles;
        this.refresh = refresh;
    }

    /**
     * Two xenctl defining the same new domain at once: libvirt accepts the first and refuses the second, which then
     * finds the domain there and updates it as if it had been there all along (changing nothing when the two files
     * are the same), as the idempotent verb promises.
     */
    Definition define(String xml) {
        DomainXml parsed = DomainXml.parse(xml, "domain XML");
        Optional<Domain> existing = parsed.name().flatMap(handles::existing);
        try {
            return define(xml, parsed, existing);
        } catch (XenctlException e) {
            Optional<Domain> now = existing.isPresent() || e.code().kind() == org.xenctl.domain.ErrorKind.HOST
                    ? Optional.empty() : parsed.name().flatMap(handles::existing);
            if (now.isEmpty()) {
                throw e.code().kind() == org.xenctl.domain.ErrorKind.HOST ? e : uuidTaken(parsed).orElse(e);
            }
            return define(xml, parsed, now);
        }
    }

    /** @param existing the domain of that name now, if any: the definition updates it */
    private Definition define(String xml, DomainXml parsed, Optional<Domain> existing) {
        String name = parsed.name().orElse("");
        String definition = xml;
        String before = null;
        if (existing.isPresent()) {
            String existingUuid = uuidOf(existing.get());
            if (parsed.uuid().isPresent() && !parsed.uuid().get().equals(existingUuid)) {
                throw nameTaken(name, existing.get());
            }
            before = call("cannot read the current definition of " + name,
                    () -> existing.get().getXMLDesc(XML_INACTIVE));
            // Redefining by name updates the domain: its UUID, and the MACs libvirt made up for it, are kept.
            definition = parsed.forRedefinition(DomainXml.parse(before, "the definition of " + name));
        }
        String finalXml = definition;
        Domain domain = call("cannot define domain " + name, () -> connect.get().domainDefineXML(finalXml));
        String uuid = handles.remember(domain);
        String after = call("cannot read the new definition of " + name, () -> domain.getXMLDesc(XML_INACTIVE));
        DomainSummary summary = refresh.apply(uuid).orElseThrow(() -> DomainHandles.gone(uuid));
        return new Definition(summary, before == null, !after.equals(before));
    }

    void requireNameFree(String xml) {
        requireNameFree(DomainXml.parse(xml, "domain XML"));
    }

    private void requireNameFree(DomainXml parsed) {
        Optional<Domain> existing = parsed.name().flatMap(handles::existing);
        if (existing.isPresent()) {
            throw nameTaken(parsed.name().get(), existing.get());
        }
    }

    DomainSummary createTransient(String xml, boolean paused) {
        DomainXml parsed = DomainXml.parse(xml, "domain XML");
        requireNameFree(parsed);
        String name = parsed.name().orElse("");
        Domain domain;
        try {
            domain = connect.get().domainCreateXML(xml, paused ? CREATE_PAUSED : 0);
        } catch (LibvirtException e) {
            XenctlException failure = DomainCalls.pausedUnsupported(e, paused, "cannot create domain " + name);
            if (failure.code().kind() == org.xenctl.domain.ErrorKind.HOST) {
                throw failure;
            }
            // Another xenctl created it since the look-up above: refused as a create that came after it is.
            Optional<Domain> now = parsed.name().flatMap(handles::existing);
            throw now.map(other -> nameTaken(name, other)).or(() -> uuidTaken(parsed)).orElse(failure);
        }
        String uuid = handles.remember(domain);
        return refresh.apply(uuid).orElseThrow(() -> DomainHandles.gone(uuid));
    }

    /**
     * After libvirt refused a new domain whose name is free: another domain's UUID in the file ("already defined
     * with uuid"), said as the conflict it is.
     */
    private Optional<XenctlException> uuidTaken(DomainXml parsed) {
        if (parsed.uuid().isEmpty()) {
            return Optional.empty();
        }
        String uuid = parsed.uuid().get();
        Domain other;
        try {
            other = handles.get(uuid);
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new XenctlException(ErrorCode.DOMAIN_EXISTS, "uuid " + uuid + " belongs to domain '"
                + DomainHandles.nameOf(other) + "' already", "leave uuid out (libvirt gives the new domain one), or "
                + "give another"));
    }

    /** The hint says what the domain that has the name is: running, defined, or what a failed restart left. */
    private static XenctlException nameTaken(String name, Domain existing) {
        boolean active = call("cannot read the state of domain " + name, () -> existing.isActive() == 1);
        boolean persistent = call("cannot read the state of domain " + name, () -> existing.isPersistent() == 1);
        String hint = active ? "it is running: give the new domain another name, or stop that one first"
                : persistent ? "start it with 'xenctl start " + name + "', or give the new domain another name"
                : "libvirt keeps it shut off after failing to restart it: 'xenctl undefine " + name + "' removes it";
        return new XenctlException(ErrorCode.DOMAIN_EXISTS, "a domain named '" + name + "' exists already (uuid "
                + uuidOf(existing) + ")", hint);
    }

    private static String uuidOf(Domain domain) {
        return call("cannot read a domain's UUID", domain::getUUIDString);
    }
}
