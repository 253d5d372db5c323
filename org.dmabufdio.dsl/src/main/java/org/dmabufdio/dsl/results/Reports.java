package org.dmabufdio.dsl.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The report formats of a run, by name, and how a report file is written: to a temporary file
 * beside it, then renamed over it, so a crash never leaves half a report for a CI server to read.
 */
public final class Reports {

	/** The formats {@code run --format} and {@code --report FORMAT:PATH} take. */
	public static final List<String> FORMATS = List.of("text", "json", "junit", "ktap", "html");

	private Reports() {
	}

	/** A report to write: its format and file. */
	public record Target(String format, Path path) {
	}

	/**
	 * {@code FORMAT:PATH} as {@code run --report} and the Maven plugin's {@code <report>} take it.
	 *
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	public static Target parse(String spec) {
		int colon = spec.indexOf(':');
		String format = colon < 0 ? "" : spec.substring(0, colon).strip();
		if (!FORMATS.contains(format) || spec.substring(colon + 1).isBlank()) {
			throw new IllegalArgumentException("a report is FORMAT:PATH with FORMAT one of " + String.join(", ", FORMATS) + ", not '" + spec + "'");
		}
		return new Target(format, Path.of(spec.substring(colon + 1).strip()));
	}

	/** The run in {@code format} (one of {@link #FORMATS}). */
	public static String render(String format, RunResult run) {
		return switch (format) {
		case "text" -> TextReport.render(run);
		case "json" -> JsonReport.render(run) + "\n";
		case "junit" -> JunitReport.render(run);
		case "ktap" -> KtapReport.render(run);
		case "html" -> HtmlReport.render(run);
		default -> throw new IllegalArgumentException("no report format " + format + "; there are " + String.join(", ", FORMATS));
		};
	}

	/**
	 * A temporary file is made readable by its owner only; a report is for the CI server and the
	 * team to read, as any file the build writes (rw-r--r--, where the file system has modes).
	 */
	private static void readableByAll(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: its defaults apply
		}
	}

	/** Why a report could not be written, in words: the file system's reason, and the path it concerns. */
	public static String why(IOException e) {
		if (e instanceof java.nio.file.FileSystemException f) {
			String what = e instanceof java.nio.file.NoSuchFileException ? "no such directory"
					: e instanceof java.nio.file.AccessDeniedException ? "permission denied"
							: e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
									: f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
			return what + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
		}
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}

	/** Writes {@code text} to {@code file} atomically: readers see the old file or the whole new one. */
	public static void write(Path file, String text) throws IOException {
		Path target = file.toAbsolutePath();
		Path dir = target.getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			readableByAll(tmp);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
