using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// Renders a <see cref="ScenarioResult"/> as stable, indented JSON for golden files: one object per account (with a
/// summary of its history) and one per event with its ground truth, decision, risk and indicators (id, severity, points,
/// evidence, English message).
/// </summary>
/// <remarks>Written with <see cref="Utf8JsonWriter"/> (no reflection), invariant culture, <c>\n</c> line ends. Thread-safe.</remarks>
public static class TimelineJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Golden files are read by people: keep ¥ and Japanese text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Renders the result.</summary>
    /// <param name="result">The evaluated scenario.</param>
    /// <param name="includeHistory">Whether to list every history event; by default only history events whose decision is not a plain allow.</param>
    /// <returns>The JSON text.</returns>
    public static string Render(ScenarioResult result, bool includeHistory = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("accounts");
            foreach (var account in result.Scenario.Accounts)
            {
                var history = result.Events.Where(e => e.IsHistory && e.Event.Account == account.Id).ToList();
                w.WriteStartObject();
                w.WriteString("id", account.Id);
                w.WriteString("tag", account.Tag);
                w.WriteBoolean("attacked", account.IsAttacked);
                w.WriteNumber("historyEvents", history.Count);
                w.WriteNumber("historyStopped", history.Count(e => e.IsStopped));
                w.WriteNumber("historyReviewed", history.Count(e => e.Decision?.Kind == DecisionKind.Review));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var e in result.Events)
            {
                if (e.IsHistory && !includeHistory && e.Decision is { Kind: DecisionKind.Allow, Status: DecisionStatus.Evaluated, Indicators.Count: 0 })
                {
                    continue;
                }

                WriteEvent(w, e);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteEvent(Utf8JsonWriter w, EvaluatedEvent e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Event.Id);
        w.WriteString("account", e.Event.Account);
        w.WriteString("time", e.Event.Time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        w.WriteString("type", JsonNamingPolicy.CamelCase.ConvertName(e.Event.Type.ToString()));
        w.WriteString("summary", TimelineText.Describe(e.Event));
        if (e.IsHistory)
        {
            w.WriteBoolean("history", true);
        }

        w.WriteBoolean("fraudulent", e.IsFraudulent);
        if (e.Decision is not Decision d)
        {
            w.WriteString("decision", "notDelivered");
        }
        else if (d.Status != DecisionStatus.Evaluated)
        {
            w.WriteString("decision", JsonNamingPolicy.CamelCase.ConvertName(d.Status.ToString()));
            w.WriteString("reason", d.RejectionReason);
        }
        else
        {
            w.WriteString("decision", JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString()));
            w.WriteNumber("risk", d.Risk);
            w.WriteStartArray("indicators");
            foreach (var hit in d.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("id", hit.Id.ToString());
                w.WriteString("severity", JsonNamingPolicy.CamelCase.ConvertName(hit.Severity.ToString()));
                w.WriteNumber("points", hit.Points);
                w.WriteStartArray("evidence");
                foreach (var id in hit.Evidence)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteString("message", hit.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
