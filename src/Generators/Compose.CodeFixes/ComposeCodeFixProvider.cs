using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Compose.CodeFixes
{
    /// <summary>
    /// Fixes for Compose diagnostics: UK0002 (ambiguous provider) adds <c>[assembly: UkUseProvider]</c> for a
    /// candidate; UK0006 (unknown option) renames the <c>.config</c> key to the closest known one; UK0008 (value out
    /// of range) and UK0009 (init priority out of range) replace the value with the nearest bound.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ComposeCodeFixProvider),
        DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) }), Shared]
    public sealed class ComposeCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("UK0002", "UK0006", "UK0008", "UK0009");

        /// <inheritdoc/>
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var props = diagnostic.Properties;
                switch (diagnostic.Id)
                {
                    case "UK0002" when props.TryGetValue("api", out var api) && props.TryGetValue("candidates", out var candidates) && api != null && candidates != null:
                        foreach (var library in candidates.Split(','))
                        {
                            string title = "Use '" + library + "' as the provider of " + api.Replace("global::", "");
                            context.RegisterCodeFix(CodeAction.Create(title, ct => AddChoice(context.Document, api, library, ct), "UK0002:" + library), diagnostic);
                        }
                        break;
                    case "UK0006" when props.TryGetValue("suggestion", out var suggestion) && suggestion != null:
                        context.RegisterCodeFix(CodeAction.Create("Change to " + suggestion,
                            ct => ReplaceText(context.TextDocument, diagnostic.Location.SourceSpan, suggestion, ct), "UK0006"), diagnostic);
                        break;
                    case "UK0008" when props.TryGetValue("nearest", out var nearest) && nearest != null:
                        context.RegisterCodeFix(CodeAction.Create("Change to the nearest allowed value " + nearest,
                            ct => ReplaceText(context.TextDocument, diagnostic.Location.SourceSpan, nearest, ct), "UK0008"), diagnostic);
                        break;
                    case "UK0009" when props.TryGetValue("nearest", out var bound) && bound != null:
                        context.RegisterCodeFix(CodeAction.Create("Change the priority to " + bound,
                            ct => ReplaceText(context.TextDocument, diagnostic.Location.SourceSpan, bound, ct), "UK0009"), diagnostic);
                        break;
                }
            }
            return Task.CompletedTask;
        }

        private static async Task<Solution> ReplaceText(TextDocument document, TextSpan span, string replacement, CancellationToken ct)
        {
            var text = await document.GetTextAsync(ct).ConfigureAwait(false);
            var changed = text.WithChanges(new TextChange(span, replacement));
            var solution = document.Project.Solution;
            return document is Document
                ? solution.WithDocumentText(document.Id, changed)
                : solution.WithAdditionalDocumentText(document.Id, changed);
        }

        private static async Task<Solution> AddChoice(Document document, string api, string library, CancellationToken ct)
        {
            var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(ct).ConfigureAwait(false))!;
            var attribute = SyntaxFactory.ParseCompilationUnit(
                "[assembly: global::Compose.UkUseProvider(typeof(" + api + "), " + SymbolDisplay.FormatLiteral(library, true) + ")]\n").AttributeLists[0];
            var lists = root.AttributeLists;
            int index = lists.LastIndexOf(l => l.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true);
            var updated = root.WithAttributeLists(lists.Insert(index + 1, attribute));
            return document.Project.Solution.WithDocumentSyntaxRoot(document.Id, updated);
        }
    }
}
