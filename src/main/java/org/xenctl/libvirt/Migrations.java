package org.xenctl.libvirt;

import static org.xenctl.libvirt.LibvirtCalls.call;

import java.util.ArrayList;
import java.util.List;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.xenctl.domain.Migration;

/** A domain moved to another host: directly between two connections, or peer to peer by the source's libvirtd. */
final class Migrations {
    private Migrations() {
    }

    /**
     * @param target the destination's connection; null for a peer-to-peer migration, which names it by URI
     */
    static void migrate(Domain domain, String name, Migration migration, Connect target, String destinationUri) {
        int flags = (migration.live() ? Domain.MigrateFlags.LIVE : 0)
                | (migration.persistent() ? Domain.MigrateFlags.PERSIST_DEST : 0)
                | (migration.undefineSource() ? Domain.MigrateFlags.UNDEFINE_SOURCE : 0)
                | (migration.paused() ? Domain.MigrateFlags.PAUSED : 0);
        // The typed-parameter calls (virDomainMigrate3, virDomainMigrateToURI3): the libxl driver implements only
        // those. The name goes as a parameter too: there is always one (libvirt-java cannot pass an empty array).
        List<TypedParameter> params = new ArrayList<>();
        params.add(new TypedStringParameter("destination_name", name));
        if (migration.migrateUri() != null) {
            params.add(new TypedStringParameter("migrate_uri", migration.migrateUri()));
        }
        TypedParameter[] array = params.toArray(TypedParameter[]::new);
        String doing = "cannot migrate domain " + name + " to " + destinationUri;
        if (migration.peerToPeer()) {
            int p2p = flags | Domain.MigrateFlags.PEER2PEER | (migration.tunnelled() ? Domain.MigrateFlags.TUNNELED : 0);
            call(doing, () -> domain.migrateToURI(migration.peerUri(), array, p2p));
        } else {
            Domain moved = call(doing, () -> domain.migrate(target, array, (long) flags));
            if (moved != null) {
                DomainHandles.free(moved);
            }
        }
    }
}
