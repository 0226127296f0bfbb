using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TakeoverRules.Tests;

/// <summary>Markdown read the way GitHub reads it (CommonMark, tables, autolinks, strikethrough, task lists).</summary>
internal static class MarkdownShape
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).UseTaskLists().Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Gfm);

    /// <summary>
    /// The structure of a document: every block and every inline that is markup (links, autolinks, HTML, code,
    /// emphasis), in order, with table sizes; text is left out, so two documents that differ only in text agree.
    /// </summary>
    public static IReadOnlyList<string> Of(string markdown)
    {
        var shape = new List<string>();
        foreach (var node in Parse(markdown).Descendants())
        {
            switch (node)
            {
                case Table table:
                    shape.Add($"table {table.Count} rows x {string.Join(",", table.OfType<TableRow>().Select(r => r.Count))}");
                    break;
                case ListBlock list:
                    shape.Add($"list {(list.IsOrdered ? "ordered" : list.BulletType.ToString())} {list.Count}");
                    break;
                case HeadingBlock heading:
                    shape.Add($"h{heading.Level}");
                    break;
                case Block block:
                    shape.Add(block.GetType().Name);
                    break;
                case LinkInline link:
                    shape.Add(link.IsImage ? "image" : $"link {link.Url}");
                    break;
                case AutolinkInline or HtmlInline or CodeInline or EmphasisInline or LineBreakInline:
                    shape.Add(node.GetType().Name);
                    break;
            }
        }

        return shape;
    }

    /// <summary>The text of every paragraph, heading and table cell, as a reader sees it.</summary>
    public static IReadOnlyList<string> Texts(string markdown) =>
        [.. Parse(markdown).Descendants<LeafBlock>().Where(b => b.Inline is not null).Select(b => Text(b.Inline!))];

    private static string Text(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container)
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                CodeInline code => code.Content,
                HtmlInline html => html.Tag,
                LineBreakInline => "\n",
                ContainerInline inner => Text(inner),
                _ => "",
            });
        }

        return text.ToString();
    }
}
