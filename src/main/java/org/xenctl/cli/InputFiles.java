package org.xenctl.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/** Reads the files users name on the command line, with errors that say which file and why. */
final class InputFiles {
    private InputFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": no such file");
        } catch (MalformedInputException e) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, "cannot read " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
