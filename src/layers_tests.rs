//! The top-level modules import each other downwards only (main -> cli/commands -> app ->
//! panes -> widgets -> domain/content/store/i18n): a module that imports another never imports,
//! however indirectly, anything that imports it back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module and the top-level modules its files name as `crate::<module>`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
        let top = relative.split('/').next().unwrap().trim_end_matches(".rs").to_owned();
        if !relative.ends_with(".rs") || top == "lib" || top == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let named = graph.entry(top.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + "crate::".len()..];
            let module: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !module.is_empty() && module != top {
                named.insert(module);
            }
        }
    }
    graph
}

/// Whether `to` can be reached from `from`.
fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_owned()];
    while let Some(module) = todo.pop() {
        if module == to {
            return true;
        }
        if seen.insert(module.clone()) {
            todo.extend(graph.get(&module).into_iter().flatten().cloned());
        }
    }
    false
}

#[test]
fn no_top_level_module_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(graph.contains_key("app") && graph["app"].contains("panes"), "the graph is read: {graph:?}");
    for (module, named) in &graph {
        for other in named {
            assert!(
                !reaches(&graph, other, module),
                "{module} imports {other}, which leads back to {module}"
            );
        }
    }
}
