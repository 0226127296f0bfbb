using System.Text.Json;

namespace TakeoverRules.Response;

/// <summary>An evidence item a done step still lacks.</summary>
/// <param name="StepId">The step that needs it.</param>
/// <param name="Item">The missing item.</param>
public sealed record MissingItem(string StepId, EvidenceItem Item);

/// <summary>Where a victim stands in a <see cref="ResponsePlan"/>.</summary>
/// <param name="Done">The plan's steps marked done, in plan order.</param>
/// <param name="Missing">Required evidence of done steps that has not been recorded (for example the police receipt number).</param>
/// <param name="Next">The first step in plan order not yet done; null when all are.</param>
public sealed record ResponseStatus(IReadOnlyList<ResponseStep> Done, IReadOnlyList<MissingItem> Missing, ResponseStep? Next)
{
    /// <summary>Whether every step is done and nothing required is missing.</summary>
    public bool Complete => Next is null && Missing.Count == 0;
}

/// <summary>The outcome of <see cref="ResponseTracker.FromJson"/>: the tracker, or every problem found.</summary>
/// <param name="Tracker">The resumed tracker; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Each problem as <c>path: reason (was value)</c>.</param>
public sealed record ResponseTrackerReadResult(ResponseTracker? Tracker, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the JSON was read without problems.</summary>
    public bool Success => Tracker is not null;
}

/// <summary>
/// Keeps a victim's progress through a <see cref="ResponsePlan"/>: which steps are done, which evidence is kept,
/// the call log; says what is missing and what comes next; and saves to JSON so a conversation can resume.
/// </summary>
/// <remarks>Immutable: every change returns a new tracker, so one instance can be shared across threads.</remarks>
public sealed class ResponseTracker
{
    /// <summary>The version of the JSON this tracker writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The longest accepted recorded value (a receipt number), in characters.</summary>
    public const int MaxValueLength = 200;

    /// <summary>The longest accepted call-log text field, in characters.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The most call-log entries kept.</summary>
    public const int MaxCalls = 500;

    /// <summary>The largest JSON document <see cref="FromJson"/> reads, in characters.</summary>
    public const int MaxJsonLength = 1_000_000;

    private ResponseTracker(ResponsePlan plan, ResponseProgress progress)
    {
        Plan = plan;
        Progress = progress;
    }

    /// <summary>The plan being followed.</summary>
    public ResponsePlan Plan { get; }

    /// <summary>The progress so far.</summary>
    public ResponseProgress Progress { get; }

    /// <summary>Starts tracking <paramref name="plan"/> with nothing done.</summary>
    /// <param name="plan">The plan to follow.</param>
    public static ResponseTracker Start(ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan, new ResponseProgress { Context = plan.Context });
    }

    /// <summary>What is done, what is missing and what comes next.</summary>
    public ResponseStatus Status
    {
        get
        {
            var done = Plan.Steps.Where(s => IsDone(s.Id)).ToList();
            var missing = done
                .SelectMany(s => s.Evidence.Where(e => e.Required && !IsRecorded(e.Id)).Select(e => new MissingItem(s.Id, e)))
                .ToList();
            return new ResponseStatus(done, missing, Plan.Steps.FirstOrDefault(s => !IsDone(s.Id)));
        }
    }

    /// <summary>Marks a step done; marking it again keeps the first time.</summary>
    /// <param name="stepId">The step's id.</param>
    /// <param name="at">When it was done, if known.</param>
    /// <returns>The updated tracker.</returns>
    /// <exception cref="ArgumentException">The plan has no step <paramref name="stepId"/>.</exception>
    public ResponseTracker MarkDone(string stepId, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(stepId);
        if (Plan.Find(stepId) is null)
        {
            throw new ArgumentException($"stepId: the plan has no such step (was {stepId}); steps: {string.Join(", ", Plan.Steps.Select(s => s.Id))}", nameof(stepId));
        }

        return IsDone(stepId) ? this : new(Plan, Progress with { Done = [.. Progress.Done, new StepDone(stepId, at)] });
    }

    /// <summary>Records an evidence item as kept, or a value written down (replacing an earlier value of the same item).</summary>
    /// <param name="itemId">The evidence item's id, for example <c>police-receipt-number</c>.</param>
    /// <param name="value">The value, for items that record one (<see cref="EvidenceItem.RecordsValue"/>); otherwise null.</param>
    /// <param name="at">When it was recorded, if known.</param>
    /// <returns>The updated tracker.</returns>
    /// <exception cref="ArgumentException">The plan has no such item, a value is missing or too long, or contains control characters.</exception>
    public ResponseTracker Record(string itemId, string? value = null, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        var error = CheckItem(Plan, itemId, value);
        if (error is not null) throw new ArgumentException(error, nameof(itemId));
        var items = Progress.Items.Where(i => i.ItemId != itemId).Append(new RecordedItem(itemId, value?.Trim(), at));
        return new(Plan, Progress with { Items = [.. items] });
    }

    /// <summary>Adds a call to the call log.</summary>
    /// <param name="call">The call.</param>
    /// <returns>The updated tracker.</returns>
    /// <exception cref="ArgumentException">A field is empty or too long, or the log is full.</exception>
    public ResponseTracker LogCall(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var error = CheckCall(call, "call") ?? (Progress.Calls.Count >= MaxCalls ? $"call: the log is full ({MaxCalls} entries)" : null);
        if (error is not null) throw new ArgumentException(error, nameof(call));
        return new(Plan, Progress with { Calls = [.. Progress.Calls, call] });
    }

    /// <summary>Saves the progress (not the plan, which is rebuilt from the context) as JSON.</summary>
    public string ToJson() => ResponseJsonContext.Readable.Write(Progress);

    /// <summary>Resumes from JSON written by <see cref="ToJson"/>, rebuilding the plan with <paramref name="planner"/>.</summary>
    /// <param name="json">The saved progress.</param>
    /// <param name="planner">The planner that rebuilds the plan from the saved context.</param>
    /// <returns>The tracker, or every problem found (path, reason, value); never throws for bad JSON.</returns>
    public static ResponseTrackerReadResult FromJson(string json, ResponsePlanner planner)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(planner);
        if (json.Length > MaxJsonLength)
        {
            return Fail($"$: the document is too long (was {json.Length} characters, at most {MaxJsonLength})");
        }

        ResponseProgress? progress;
        try
        {
            progress = JsonSerializer.Deserialize(json, ResponseJsonContext.Default.ResponseProgress);
        }
        catch (JsonException ex)
        {
            return Fail($"{ex.Path ?? "$"}: not valid progress JSON at line {(ex.LineNumber ?? 0) + 1}: {FirstSentence(ex.Message)}");
        }

        if (progress is null) return Fail("$: must be an object (was null)");
        if (progress.Version != CurrentVersion) return Fail($"$.version: unsupported version (was {progress.Version}, expected {CurrentVersion})");
        if (progress.Context is null) return Fail("$.context: required (was null)");

        ResponsePlan plan;
        try
        {
            plan = planner.Create(progress.Context);
        }
        catch (IncidentContextException ex)
        {
            return Fail($"$.context.{char.ToLowerInvariant(ex.Field[0])}{ex.Field[1..]}: {ex.Reason} (was {ex.Value})");
        }

        var errors = new List<string>();
        var done = progress.Done ?? [];
        for (var i = 0; i < done.Count; i++)
        {
            if (done[i]?.StepId is not { } id || plan.Find(id) is null) errors.Add($"$.done[{i}].stepId: the plan has no such step (was {done[i]?.StepId ?? "null"})");
        }

        var items = progress.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { ItemId: not null } item) errors.Add($"$.items[{i}].itemId: required (was null)");
            else if (CheckItem(plan, item.ItemId, item.Value) is { } error) errors.Add($"$.items[{i}].{error}");
        }

        var calls = progress.Calls ?? [];
        if (calls.Count > MaxCalls) errors.Add($"$.calls: too many entries (was {calls.Count}, at most {MaxCalls})");
        for (var i = 0; i < calls.Count; i++)
        {
            if (CheckCall(calls[i], $"$.calls[{i}]") is { } error) errors.Add(error);
        }

        return errors.Count > 0
            ? new ResponseTrackerReadResult(null, errors)
            : new ResponseTrackerReadResult(new ResponseTracker(plan, progress with { Done = done, Items = items, Calls = calls }), []);
    }

    private bool IsDone(string stepId) => Progress.Done.Any(d => d.StepId == stepId);

    private bool IsRecorded(string itemId) =>
        Progress.Items.Any(i => i.ItemId == itemId) || (itemId == ResponseSteps.CallLog.Id && Progress.Calls.Count > 0);

    private static string? CheckItem(ResponsePlan plan, string itemId, string? value)
    {
        var item = plan.Steps.SelectMany(s => s.Evidence).FirstOrDefault(e => e.Id == itemId);
        if (item is null)
        {
            return $"itemId: the plan has no such evidence item (was {itemId}); items: {string.Join(", ", plan.Steps.SelectMany(s => s.Evidence).Select(e => e.Id).Distinct())}";
        }

        if (item.RecordsValue && string.IsNullOrWhiteSpace(value)) return $"value: {itemId} needs a value (was empty)";
        if (!item.RecordsValue && value is not null) return $"value: {itemId} records no value (was a {value.Length}-character text)";
        if (value is not null && value.Length > MaxValueLength) return $"value: too long (was {value.Length} characters, at most {MaxValueLength})";
        if (value is not null && value.Any(char.IsControl)) return "value: contains control characters";
        return null;
    }

    private static string? CheckCall(CallRecord? call, string path)
    {
        if (call is null) return $"{path}: required (was null)";
        foreach (var (name, text) in new[] { ("organisation", call.Organisation), ("person", call.Person), ("summary", call.Summary) })
        {
            if (string.IsNullOrWhiteSpace(text)) return $"{path}.{name}: required (was empty)";
            if (text.Length > MaxTextLength) return $"{path}.{name}: too long (was {text.Length} characters, at most {MaxTextLength})";
        }

        return null;
    }

    private static ResponseTrackerReadResult Fail(string error) => new(null, [error]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
