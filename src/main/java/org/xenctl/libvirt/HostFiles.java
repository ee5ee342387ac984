package org.xenctl.libvirt;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Whether files exist on a libvirt host, asked the one way libvirt allows: a volume of a storage pool that has the
 * file (virStorageVolLookupByPath), else a transient directory pool made for the file's directory, looked into and
 * destroyed at once ("xenctl-probe-…"; a kill in between leaves it until libvirtd restarts, and it holds nothing).
 * A directory the pool cannot open is missing. What libvirt cannot answer (no storage driver, a directory another
 * pool already covers) is left out of the answer.
 */
final class HostFiles {
    private HostFiles() {
    }

    static Map<String, Boolean> exist(Connect connect, Collection<String> paths) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (String path : paths) {
            try {
                free(connect.storageVolLookupByPath(path));
                found.put(path, true);
            } catch (LibvirtException e) {
                if (number(e) != ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                    return found;  // No storage driver (or it fails): nothing more can be told.
                }
            }
        }
        Map<String, List<String>> byDirectory = paths.stream().filter(path -> !found.containsKey(path))
                .collect(Collectors.groupingBy(path -> String.valueOf(Path.of(path).getParent()),
                        LinkedHashMap::new, Collectors.toList()));
        byDirectory.forEach((directory, files) -> lookInto(connect, directory, files, found));
        return found;
    }

    private static void lookInto(Connect connect, String directory, List<String> files, Map<String, Boolean> found) {
        StoragePool pool;
        try {
            pool = connect.storagePoolCreateXML("<pool type='dir'><name>xenctl-probe-" + UUID.randomUUID()
                    + "</name><target><path>" + escaped(directory) + "</path></target></pool>", 0);
        } catch (LibvirtException e) {
            if (number(e) == ErrorNumber.VIR_ERR_SYSTEM_ERROR) {
                files.forEach(file -> found.put(file, false));  // libvirtd (root) cannot open the directory
            }
            return;
        }
        try {
            for (String file : files) {
                try {
                    free(pool.storageVolLookupByName(Path.of(file).getFileName().toString()));
                    found.put(file, true);
                } catch (LibvirtException e) {
                    if (number(e) == ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                        found.put(file, false);
                    }
                }
            }
        } finally {
            try {
                pool.destroy();
                pool.free();
            } catch (LibvirtException e) {
                // A transient pool that could not be destroyed goes with libvirtd's next restart.
            }
        }
    }

    private static ErrorNumber number(LibvirtException e) {
        return e.getError() == null ? null : e.getError().getCode();
    }

    private static void free(StorageVol volume) {
        try {
            volume.free();
        } catch (LibvirtException e) {
            // Freeing a handle is best effort.
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
