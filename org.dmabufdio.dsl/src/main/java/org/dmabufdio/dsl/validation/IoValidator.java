package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.FileDecl;
import org.dmabufdio.dsl.dmabuf.IoMode;
import org.dmabufdio.dsl.dmabuf.Mmap;
import org.dmabufdio.dsl.dmabuf.Range;
import org.dmabufdio.dsl.dmabuf.Read;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.SizeExpr;
import org.dmabufdio.dsl.dmabuf.Write;
import org.dmabufdio.dsl.util.Devices;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.util.Sizes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * I/O: O_DIRECT ranges and buffer offsets aligned as the device requires (iomap's rule, and
 * f2fs's silent fallback), and reads that would run past the mapping they fill.
 */
public class IoValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	@Check
	public void read(Read r) {
		direct(r, r.getMode(), r.getFile(), r.getRange(), r.getAt(), READ__AT);
		if (r.getChunks() != null) {
			direct(r, r.getMode(), r.getFile(), null, r.getChunks().getSize(), CHUNKS__SIZE);
		}
		pastMapping(r, r.getFile(), r.getRange(), r.getMapping(), r.getAt());
	}

	@Check
	public void write(Write w) {
		direct(w, w.getMode(), w.getFile(), w.getRange(), w.getAt(), WRITE__AT);
	}

	private void direct(EObject io, IoMode mode, Declaration file, Range range, SizeExpr at, EStructuralFeature atFeature) {
		if (mode == null || !mode.isDirect() || SizesValidator.expectsFailure(io, "EINVAL")) {
			return;
		}
		Scenario scenario = EcoreUtil2.getContainerOfType(io, Scenario.class);
		BootParams device = scenario == null ? null : Devices.forScenario(scenario);
		if (device == null) {
			return;
		}
		int lbs = device.logicalBlockSize;
		int fsBlock = file instanceof FileDecl f && f.getBlockSize() != null && StaticValues.bytes(f.getBlockSize()) != null
				? StaticValues.bytes(f.getBlockSize()).intValue()
				: device.fsBlockSize;
		boolean f2fs = file instanceof FileDecl f && org.dmabufdio.dsl.util.Locations.isWritten(f, FILE_DECL__FS) ? f.getFs().getLiteral().equals("f2fs")
				: "f2fs".equals(device.filesystem);
		if (range != null) {
			check(range.getOffset(), range, RANGE__OFFSET, "offset", lbs, fsBlock, f2fs);
			check(range.getLength(), range, RANGE__LENGTH, "length", lbs, fsBlock, f2fs);
		}
		if (at != null) {
			check(at, at.eContainer(), atFeature, "buffer offset", 512, fsBlock, f2fs);
		}
	}

	private void check(SizeExpr e, EObject owner, EStructuralFeature feature, String what, int align, int fsBlock, boolean f2fs) {
		Long v = e == null ? null : StaticValues.bytes(e);
		if (v == null) {
			return;
		}
		if (v % align != 0) {
			warning("O_DIRECT " + what + " " + Sizes.format(v) + " is not a multiple of " + Sizes.format(align)
					+ ": iomap_dio_bio_iter() refuses it with EINVAL", owner, feature, IssueCodes.DIRECT_IO_MISALIGNED);
		} else if (f2fs && v % fsBlock != 0) {
			warning("O_DIRECT " + what + " " + Sizes.format(v) + " is not a multiple of the f2fs block size "
					+ Sizes.format(fsBlock) + ": f2fs_should_use_dio() silently falls back to buffered I/O", owner, feature,
					IssueCodes.DIRECT_IO_MISALIGNED);
		}
	}

	private void pastMapping(Read r, Declaration file, Range range, Declaration mapping, SizeExpr at) {
		Mmap map = mapping instanceof Mmap m ? m : mapping == null ? StaticValues.lastMapping(r) : null;
		Long mapSize = map == null ? null : StaticValues.mappingSize(map);
		Long length = range != null && range.getLength() != null ? StaticValues.bytes(range.getLength())
				: file == null ? null : StaticValues.sizeOf(file);
		if (range != null && range.getLength() == null && range.getOffset() != null && length != null) {
			Long off = StaticValues.bytes(range.getOffset());
			length = off == null ? null : length - off;
		}
		Long offset = at == null ? Long.valueOf(0) : StaticValues.bytes(at);
		if (mapSize == null || length == null || offset == null) {
			return;
		}
		if (offset + length > mapSize) {
			warning("reading " + Sizes.format(length) + (offset > 0 ? " at " + Sizes.format(offset) : "") + " into a mapping of "
					+ Sizes.format(mapSize) + " goes past its end: the read stops short with EFAULT there", READ__MAPPING,
					IssueCodes.READ_PAST_MAPPING);
		}
	}
}
