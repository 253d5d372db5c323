package org.dmabufdio.dsl.ide.server;

import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Table;
import org.dmabufdio.dsl.util.Quotes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;

/**
 * The outline the language server gives (document symbols): a file's scenarios (by title),
 * tables, fragments, device profiles, and inside them what they declare: files, checkpoints,
 * dimensions, buffers and mappings and processes by the names given with {@code as}. Xtext's
 * defaults list only what has a qualified name, all as "Property", and so leave scenarios out.
 */
public final class DocumentSymbols {

	private DocumentSymbols() {
	}

	/** A symbol's name: a scenario's or table's title, else the name declared; null (no symbol) without one. */
	public static class Names extends DocumentSymbolMapper.DocumentSymbolNameProvider {
		@Override
		public String getName(EObject object) {
			if (object instanceof Scenario s) {
				return Quotes.escapeControls(Quotes.unquote(s.getTitle()));
			}
			if (object instanceof Table t) {
				return Quotes.escapeControls(Quotes.unquote(t.getTitle()));
			}
			EStructuralFeature name = object == null ? null : object.eClass().getEStructuralFeature("name");
			Object value = name == null ? null : object.eGet(name);
			return value instanceof String s && !s.isEmpty() ? Quotes.escapeControls(s) : null;
		}
	}

	/** A symbol's kind, by what the object is in a scenario. */
	public static class Kinds extends DocumentSymbolMapper.DocumentSymbolKindProvider {
		@Override
		public SymbolKind getSymbolKind(EObject object) {
			if (object == null) {
				return SymbolKind.Variable;
			}
			return switch (object.eClass().getName()) {
			case "Scenario" -> SymbolKind.Class;
			case "Table" -> SymbolKind.Struct;
			case "Fragment" -> SymbolKind.Function;
			case "FragmentParam", "ForEach" -> SymbolKind.TypeParameter;
			case "DeviceDef" -> SymbolKind.Module;
			case "FileDecl" -> SymbolKind.File;
			case "Checkpoint" -> SymbolKind.Event;
			case "Step" -> SymbolKind.Key;
			case "Fork", "Spawn" -> SymbolKind.Object;
			default -> SymbolKind.Variable;
			};
		}
	}
}
