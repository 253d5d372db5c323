import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the command line (run by the Java launcher from its pom, at package): rewrites
 * each jar in the directory given without its signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC).
 * The JVM's class data sharing leaves every class of a signed jar out of its archive, and Xtext's
 * and EMF's jars on Maven Central are signed: unsigned, their classes start from the archive the
 * build makes, which is most of the tool's start-up. Maven checked each jar's checksum when it
 * downloaded it. The jars stay apart (not shaded into one): EMF finds each jar's messages in that
 * jar's own plugin.properties.
 */
public final class StripSignatures {

	public static void main(String[] args) throws IOException {
		List<Path> jars;
		try (Stream<Path> s = Files.list(Path.of(args[0]))) {
			jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
		}
		for (Path jar : jars) {
			if (signed(jar)) {
				strip(jar);
			}
		}
	}

	private static boolean isSignature(String name) {
		return name.startsWith("META-INF/") && name.indexOf('/', "META-INF/".length()) < 0
				&& (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"));
	}

	private static boolean signed(Path jar) throws IOException {
		try (ZipFile z = new ZipFile(jar.toFile())) {
			return z.stream().anyMatch(e -> isSignature(e.getName()));
		}
	}

	private static void strip(Path jar) throws IOException {
		Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
		try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
				ZipOutputStream out = new ZipOutputStream(file)) {
			for (ZipEntry e : in.stream().toList()) {
				if (isSignature(e.getName())) {
					continue;
				}
				ZipEntry copy = new ZipEntry(e.getName());
				copy.setTime(e.getTime());
				out.putNextEntry(copy);
				try (InputStream data = in.getInputStream(e)) {
					data.transferTo(out);
				}
				out.closeEntry();
			}
		}
		Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
	}
}
