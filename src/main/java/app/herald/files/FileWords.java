package app.herald.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file cannot be read or written, in words: checked before the work begins where that can
 * be known (no such file, a folder, no permission), and translated from the operating system's
 * error where it cannot (the disk filled up meanwhile).
 */
public final class FileWords {

    private FileWords() {
    }

    /** @throws FileProblem when {@code file} is not a file this process may read */
    public static void requireReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new FileProblem(file + " is a folder, not a file: choose a file in it.");
        }
        if (!Files.exists(file)) {
            throw new FileProblem("There is no file " + file + ".");
        }
        if (!Files.isReadable(file)) {
            throw new FileProblem("Herald may not read " + file + ": its permissions do not allow it.");
        }
    }

    /** @throws FileProblem when {@code target} cannot be written as a new or replaced file */
    public static void requireWritableFile(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileProblem(target + " is a folder: give the name of the file to write in it, such as "
                    + absolute.resolve("contacts.csv") + ".");
        }
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new FileProblem("There is no folder " + folder + " to write " + absolute.getFileName()
                    + " in. Make the folder first, or choose another.");
        }
        if (!Files.isWritable(folder) || Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new FileProblem("Herald may not write " + target + ": its permissions do not allow it.");
        }
    }

    /** A text file strictly as UTF-8 (a leading BOM dropped). @throws FileProblem when it cannot be read, or is not UTF-8 */
    public static String readUtf8(Path file) {
        requireReadableFile(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new FileProblem(file + " is not UTF-8 text. Save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"
                    + " and try again.", e);
        } catch (IOException e) {
            throw reading(file, e);
        }
    }

    /** What went wrong reading {@code file}, in words. */
    public static FileProblem reading(Path file, IOException e) {
        return new FileProblem(why(file, e, "read"), e);
    }

    /** What went wrong writing {@code file}, in words; nothing was left half written by Herald's writers. */
    public static FileProblem writing(Path file, IOException e) {
        return new FileProblem(why(file, e, "write"), e);
    }

    /** Why a folder Herald keeps its data in cannot be used, in words. */
    public static String whyNotAFolder(Path folder, IOException e) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return folder + " is a file, not a folder: point HERALD_HOME at a folder, or move the file away.";
        }
        if (isDiskFull(e)) {
            return "the disk is full. Free some space and try again.";
        }
        if (e instanceof AccessDeniedException) {
            return "Herald may not write in " + folder + ": its permissions do not allow it.";
        }
        if (e instanceof FileSystemException system && system.getReason() != null
                && system.getReason().toLowerCase(Locale.ROOT).contains("read-only")) {
            return folder + " is on a disk that cannot be written to.";
        }
        String reason = e instanceof FileSystemException system ? system.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? "Herald cannot make or open a folder there." : reason + ".";
    }

    /** True when the operating system said the disk (or the user's quota) is full. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("disk quota exceeded")
                    || message.contains("not enough space on the disk")) {
                return true;
            }
        }
        return false;
    }

    private static String why(Path file, IOException e, String verb) {
        if (isDiskFull(e)) {
            return "The disk is full: Herald could not " + verb + " " + file + ". Free some space and try again.";
        }
        if (e instanceof NoSuchFileException) {
            return verb.equals("read") ? "There is no file " + file + "."
                    : "There is no folder " + file.toAbsolutePath().getParent() + " to write " + file.getFileName() + " in.";
        }
        if (e instanceof AccessDeniedException) {
            return "Herald may not " + verb + " " + file + ": its permissions do not allow it.";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "Herald could not " + verb + " " + file + ": something of that name is in the way.";
        }
        String reason = e instanceof FileSystemException system && system.getReason() != null ? system.getReason()
                : e.getMessage();
        return "Herald could not " + verb + " " + file + ": " + reason + ".";
    }
}
