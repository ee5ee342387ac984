package org.xenctl.libvirt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.Pointer;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

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
        if (DirectCalls.virDomainRestoreFlags(connection, file, null, paused ? RESTORE_PAUSED : 0) < 0) {
            throw restoreFailure(NativeCalls.LastError.take(), file);
        }
        if (named.isPresent()) {
            return listing.refresh(named.get());
        }
        List<DomainSummary> started = listing.running().stream()
                .filter(domain -> !Integer.valueOf(domain.id()).equals(before.get(domain.uuid())))
                .toList();
        return started.size() == 1 ? Optional.of(started.get(0)) : Optional.empty();
    }

    /**
     * A file the host does not have is said as such (libvirt's system error, by its errno, over a remote
     * connection too, where xenctl cannot look first); any other failure says what a restore takes, since libvirt's
     * words ("image magic is incorrect", "failed to read libxl header") do not, and xl's own save files are
     * the usual mistake.
     */
    static XenctlException restoreFailure(NativeCalls.LastError error, String file) {
        String doing = "cannot restore a domain from " + file;
        XenctlException missing = error == null || error.fromRpc() ? null
                : LibvirtErrors.missingHostFile(error.errno(), error.message(), doing);
        if (missing != null) {
            return missing;
        }
        XenctlException failure = NativeCalls.failure(error, doing);
        if (failure.code() != ErrorCode.OPERATION_FAILED) {
            return failure;
        }
        return new XenctlException(failure.code(), failure.getMessage(), "give a file that xenctl save or virsh save "
                + "wrote; libvirt restores only what it saved itself, and one that xl save wrote is xl restore's",
                failure);
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
