package org.dmabufdio.dsl.interpreter;

import org.dmabufdio.dsl.util.Locations;
import org.dmabufdio.dsl.dmabuf.AllocAndRead;
import org.dmabufdio.dsl.dmabuf.Copy;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Io;
import org.dmabufdio.dsl.dmabuf.IoMode;
import org.dmabufdio.dsl.dmabuf.Read;
import org.dmabufdio.dsl.dmabuf.RwFile;
import org.dmabufdio.dsl.dmabuf.Write;
import org.dmabufdio.runtime.drivers.dmabuf.DmaBuf;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.fs.ReadWrite;
import org.dmabufdio.runtime.kernel.KFile;
import org.dmabufdio.runtime.util.Sizes;
import org.dmabufdio.runtime.util.Units;
import org.eclipse.emf.ecore.EObject;

/**
 * File I/O as an application does it: open the file (O_DIRECT or not), loop over read() or
 * write() calls until the range is done, close. A whole-file O_DIRECT read asks for whole pages,
 * as applications with aligned buffers do, and gets the short read at EOF.
 */
final class IoActions {

	private final Env env;

	IoActions(Env env) {
		this.env = env;
	}

	Outcome run(Io io) {
		if (io instanceof Read r) {
			return transfer(r, r.getMode(), r.getFile(), r.getRange(), r.getChunks() == null ? null : r.getChunks().getSize(),
					r.getMapping(), r.getAt(), false);
		}
		if (io instanceof Write w) {
			return transfer(w, w.getMode(), w.getFile(), w.getRange(), w.getChunks() == null ? null : w.getChunks().getSize(),
					w.getMapping(), w.getAt(), true);
		}
		if (io instanceof Copy c) {
			return copy(c);
		}
		if (io instanceof AllocAndRead a) {
			return allocAndRead(a);
		}
		return rwFile((RwFile) io);
	}

	/** True for O_DIRECT: written, or a $parameter whose value is O_DIRECT. */
	private boolean direct(IoMode mode, EObject where) {
		if (mode == null) {
			return false;
		}
		if (mode.getParam() != null) {
			String v = Values.param(env, mode.getParam(), where);
			if (!v.equals("O_DIRECT") && !v.equals("buffered")) {
				throw ScenarioException.error(where, "$" + mode.getParam().getName() + " is '" + v
						+ "' here, but an I/O mode is O_DIRECT or buffered");
			}
			return v.equals("O_DIRECT");
		}
		return mode.isDirect();
	}

	private String fileName(Declaration d, EObject where) {
		if (!(env.lookup(d, where) instanceof Handles.File f)) {
			throw ScenarioException.error(where, "'" + d.getName() + "' is not a file");
		}
		return f.name();
	}

	private long fileSize(String name) {
		return env.machine.kernel().vfs.lookup(name).size();
	}

	private Outcome transfer(EObject step, IoMode mode, Declaration fileDecl, org.dmabufdio.dsl.dmabuf.Range range,
			org.dmabufdio.dsl.dmabuf.SizeExpr chunkExpr, Declaration mappingDecl, org.dmabufdio.dsl.dmabuf.SizeExpr atExpr,
			boolean write) {
		boolean direct = direct(mode, step);
		String file = fileName(fileDecl, step);
		Handles.Mapping map = MemoryActions.mapping(env, mappingDecl, step);
		long size = fileSize(file);
		long[] r = MemoryActions.range(env, range, size);
		long length = r[1];
		long at = atExpr == null ? 0 : Values.size(env, atExpr);
		boolean wholeLength = range == null || range.getLength() == null;
		if (write && wholeLength) {
			length = Math.max(0, map.length() - at); // a write without a length writes the mapping out
		} else if (direct && wholeLength) {
			length = Units.pageAlign(length); // aligned buffers ask for whole pages; EOF makes it short
		}
		long chunk = chunkExpr == null ? ReadWrite.MAX_RW_COUNT : Values.size(env, chunkExpr);
		if (chunk <= 0) {
			throw ScenarioException.error(step, "chunks must be larger than 0");
		}
		int flags = (write ? OpenFile.O_RDWR : OpenFile.O_RDONLY) | (direct ? OpenFile.O_DIRECT : 0);
		long fd = env.machine.open(env.current, file, flags);
		if (fd < 0) {
			return Outcome.of(fd);
		}
		long done = 0;
		long error = 0;
		while (done < length) {
			long n = Math.min(chunk, length - done);
			long ret = write ? env.machine.pwrite(env.current, (int) fd, map.addr() + at + done, n, r[0] + done)
					: env.machine.pread(env.current, (int) fd, map.addr() + at + done, n, r[0] + done);
			if (ret < 0) {
				error = ret;
				break;
			}
			if (ret == 0) {
				break;
			}
			done += ret;
		}
		env.machine.close(env.current, (int) fd);
		if (error < 0) {
			return Outcome.of(error, done > 0 ? "after " + Sizes.format(done) : null);
		}
		return Outcome.of(done);
	}

	/** copy_file_range / sendfile / splice from a file to a file or a buffer, until done. */
	private Outcome copy(Copy c) {
		boolean direct = direct(c.getMode(), c);
		String file = fileName(c.getFile(), c);
		long[] r = MemoryActions.range(env, c.getRange(), fileSize(file));
		long in = env.machine.open(env.current, file, OpenFile.O_RDONLY | (direct ? OpenFile.O_DIRECT : 0));
		if (in < 0) {
			return Outcome.of(in);
		}
		Object target = env.lookup(c.getTarget(), c);
		long out;
		boolean closeOut = false;
		if (target instanceof Handles.File f) {
			out = env.machine.open(env.current, f.name(), OpenFile.O_RDWR);
			closeOut = true;
		} else {
			out = ((Handles.Buffer) target).fd();
		}
		long done = 0;
		long ret = 0;
		while (out >= 0 && done < r[1]) {
			ret = env.machine.copyFileRange(env.current, (int) in, r[0] + done, (int) out, done, r[1] - done);
			if (ret <= 0) {
				break;
			}
			done += ret;
		}
		env.machine.close(env.current, (int) in);
		if (closeOut && out >= 0) {
			env.machine.close(env.current, (int) out);
		}
		return out < 0 ? Outcome.of(out) : ret < 0 ? Outcome.of(ret) : Outcome.of(done);
	}

	private Outcome allocAndRead(AllocAndRead a) {
		boolean direct = direct(a.getMode(), a);
		String file = fileName(a.getFile(), a);
		long in = env.machine.open(env.current, file, OpenFile.O_RDONLY | (direct ? OpenFile.O_DIRECT : 0));
		if (in < 0) {
			return Outcome.of(in);
		}
		long fd = env.machine.dmaHeapAllocAndRead(env.current, a.getHeap().getLiteral(), (int) in, 0);
		env.machine.close(env.current, (int) in);
		if (fd >= 0) {
			KFile f = env.current.file((int) fd);
			Handles.Buffer b = new Handles.Buffer(a.getName() != null ? a.getName() : "#" + Locations.line(a), env.current,
					(int) fd, fileSize(file), f instanceof DmaBuf d ? d : null);
			env.objects.put(a, b);
			env.buffers.add(b);
			env.lastBuffer = b;
		}
		return Outcome.of(fd);
	}

	private Outcome rwFile(RwFile rw) {
		String file = fileName(rw.getFile(), rw);
		if (!(env.lookup(rw.getBuffer(), rw) instanceof Handles.Buffer b)) {
			throw ScenarioException.error(rw, "'" + rw.getBuffer().getName() + "' is not a buffer");
		}
		long[] r = MemoryActions.range(env, rw.getRange(), Math.min(b.size(), Units.pageAlign(fileSize(file))));
		long fd = env.machine.open(env.current, file, (rw.isWrite() ? OpenFile.O_RDWR : OpenFile.O_RDONLY) | OpenFile.O_DIRECT);
		if (fd < 0) {
			return Outcome.of(fd);
		}
		long ret = env.machine.dmaBufRwFile(env.current, b.fd(), (int) fd, r[0], r[1], rw.isWrite());
		env.machine.close(env.current, (int) fd);
		return Outcome.of(ret);
	}
}
