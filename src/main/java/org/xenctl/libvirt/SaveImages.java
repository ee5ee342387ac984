package org.xenctl.libvirt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.Pointer;
import org.xenctl.domain.DomainSummary;

/**
 * Restoring a saved domain and telling which domain came back: libvirt's restore answers only "done". The image's
 * own XML names it where the driver reads images (the test driver, QEMU); libvirt's libxl driver does not
 * (virDomainSaveImageGetXMLDesc is unsupported), so there it is the one running domain that is new, or started
 * again, since the call.
 */
final class SaveImages {
    private static final int RESTORE_PAUSED = 4;

    private SaveImages() {
    }

    interface Listing {
        List<DomainSummary> running();

        Optional<DomainSummary> refresh(String uuid);
    }

    static Optional<DomainSummary> restore(Pointer connection, String file, boolean paused, Listing listing) {
        Optional<String> named = uuidInImage(connection, file);
        Map<String, Integer> before = new HashMap<>();
        if (named.isEmpty()) {
            listing.running().forEach(domain -> before.put(domain.uuid(), domain.id()));
        }
        NativeCalls.check(DirectCalls.virDomainRestoreFlags(connection, file, null, paused ? RESTORE_PAUSED : 0),
                "cannot restore a domain from " + file);
        if (named.isPresent()) {
            return listing.refresh(named.get());
        }
        List<DomainSummary> started = listing.running().stream()
                .filter(domain -> !Integer.valueOf(domain.id()).equals(before.get(domain.uuid())))
                .toList();
        return started.size() == 1 ? Optional.of(started.get(0)) : Optional.empty();
    }

    /** The UUID the image's XML gives, if the driver reads images; nothing when it cannot (its error dropped). */
    private static Optional<String> uuidInImage(Pointer connection, String file) {
        String xml = DirectCalls.takeString(DirectCalls.virDomainSaveImageGetXMLDesc(connection, file, 0));
        if (xml == null) {
            NativeCalls.LastError.take();
            return Optional.empty();
        }
        return DomainXml.parse(xml, file).uuid();
    }
}
