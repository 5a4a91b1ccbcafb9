package config

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoPackageMaps: the project keeps no package-level mutable state, and
// a map or slice in a package var is such state (duration.go's maxN was).
func TestNoPackageMaps(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					if lit, ok := v.(*ast.CompositeLit); ok {
						switch lit.Type.(type) {
						case *ast.MapType, *ast.ArrayType:
							t.Errorf("%s: package-level %s holds a map or slice anyone can change: use a function", fset.Position(v.Pos()), spec.(*ast.ValueSpec).Names[0])
						}
					}
				}
			}
		}
	}
}
