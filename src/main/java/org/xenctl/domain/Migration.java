package org.xenctl.domain;

/**
 * How a running domain moves to another host (xl migrate, virsh migrate), through libvirt's migration.
 *
 * @param live           the guest runs on while its memory is copied (xl's way); else it is paused for the copy
 * @param persistent     the destination keeps a definition of it (VIR_MIGRATE_PERSIST_DEST)
 * @param undefineSource the source forgets its definition once it has moved (VIR_MIGRATE_UNDEFINE_SOURCE)
 * @param paused         it stays paused on the destination
 * @param migrateUri     where the source's dom0 sends the memory (tcp://ADDRESS[:PORT]) when the destination's host
 *                       name does not lead there; null: the destination's libvirtd says (its host name)
 * @param peerUri        peer to peer: the source's libvirtd reaches the destination's at this URI itself (as the
 *                       source host resolves it); null: xenctl drives both ends
 * @param tunnelled      peer to peer, the memory carried over that libvirtd connection: no other port between the
 *                       hosts
 */
public record Migration(boolean live, boolean persistent, boolean undefineSource, boolean paused, String migrateUri,
                        String peerUri, boolean tunnelled) {

    public boolean peerToPeer() {
        return peerUri != null;
    }
}
