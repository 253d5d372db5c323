package org.dmabufdio.dsl.util;

import org.dmabufdio.dsl.dmabuf.Alloc;
import org.dmabufdio.dsl.dmabuf.AllocAndRead;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.FileDecl;
import org.dmabufdio.dsl.dmabuf.Fork;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.Memfd;
import org.dmabufdio.dsl.dmabuf.Mmap;
import org.dmabufdio.dsl.dmabuf.ParamKind;
import org.dmabufdio.dsl.dmabuf.Pin;
import org.dmabufdio.dsl.dmabuf.Udmabuf;

/** What a named thing is, for scoping and messages: one home for that classification. */
public enum Kinds {
	FILE("file"), BUFFER("buffer"), MAPPING("mapping"), PROCESS("process"), SIZE("size"), PIN("pin");

	private final String word;

	Kinds(String word) {
		this.word = word;
	}

	/** The word messages use ("buffer"). */
	public String word() {
		return word;
	}

	/** The kind of a declaration, or null for declarations that are not references (matrix dimensions). */
	public static Kinds of(Declaration d) {
		if (d instanceof FileDecl) {
			return FILE;
		}
		if (d instanceof Alloc || d instanceof Udmabuf || d instanceof AllocAndRead || d instanceof Memfd) {
			return BUFFER;
		}
		if (d instanceof Mmap) {
			return MAPPING;
		}
		if (d instanceof Fork) {
			return PROCESS;
		}
		if (d instanceof Pin) {
			return PIN;
		}
		if (d instanceof FragmentParam p) {
			return of(p.getKind());
		}
		return null;
	}

	public static Kinds of(ParamKind kind) {
		return switch (kind) {
		case FILE -> FILE;
		case BUFFER -> BUFFER;
		case MAPPING -> MAPPING;
		case PROCESS -> PROCESS;
		case SIZE -> SIZE;
		};
	}
}
