using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;
using TakeoverRules.Orleans;

namespace OrleansGateway;

/// <summary>
/// The pre-trade endpoints. Events are read by the library's own <see cref="EventReader"/> and decisions written by its
/// <see cref="DecisionWriter"/>, so a line means here exactly what it means to <c>takeover scan</c>.
/// </summary>
internal static class DecisionEndpoints
{
    /// <summary>The JSON Lines media type of the decision lines.</summary>
    public const string JsonLines = "application/x-ndjson";

    /// <summary>The largest batch body of <c>POST /events</c>.</summary>
    public const int MaxBatchBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/decide", DecideAsync);
        app.MapPost("/events", IngestAsync);
        return app;
    }

    /// <summary>
    /// One event (typically an order, before it is routed) → its decision line. The status of a decision that did not
    /// evaluate the event (a duplicate id, too late, too early) is in the <c>Decision-Status</c> header.
    /// </summary>
    private static async Task<IResult> DecideAsync(HttpRequest request, IOrderDecisions decisions, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, EventReader.DefaultMaxLineBytes + 2, cancellationToken);
        if (body is null)
        {
            return TooLarge(EventReader.DefaultMaxLineBytes);
        }

        var results = Read(body);
        if (results.Where(r => !r.IsSuccess).Select(r => r.Error!).ToList() is { Count: > 0 } errors)
        {
            return Malformed(errors);
        }

        if (results.Count != 1)
        {
            return Malformed([new EventFormatError(results.Count == 0 ? 1 : results[1].Line, null, null,
                $"POST /decide takes exactly one event (got {results.Count}); send a batch of other events to POST /events")]);
        }

        var accountEvent = results[0].Value!;
        Decision decision;
        try
        {
            decision = await decisions.DecideAsync(accountEvent, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // Read, but refused by the detector (e.g. a text longer than its MaxIdLength): reported like a format error.
            return Malformed([new EventFormatError(results[0].Line, ex.ParamName ?? "event", null, ex.Message)]);
        }

        request.HttpContext.Response.Headers["Decision-Status"] = decision.Status.ToString();
        return Results.Bytes(DecisionLines.Of(decision), JsonLines);
    }

    /// <summary>
    /// A batch of non-order events (JSON Lines) → the decision lines the decisions stream of record keeps for them (one
    /// per event on which an indicator fired), in batch order. An order in the batch is refused: it is decided alone,
    /// before it is routed.
    /// </summary>
    private static async Task<IResult> IngestAsync(HttpRequest request, IOrderDecisions decisions, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, MaxBatchBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(MaxBatchBytes);
        }

        var results = Read(body);
        var errors = results.Where(r => !r.IsSuccess).Select(r => r.Error!)
            .Concat(results.Where(r => r.Value is OrderEvent).Select(r => new EventFormatError(r.Line, "type", "order",
                "an order is decided one at a time by POST /decide, before it is routed")))
            .OrderBy(e => e.Line).ToList();
        if (errors.Count > 0)
        {
            return Malformed(errors);
        }

        IReadOnlyList<Decision> decided;
        try
        {
            decided = await decisions.IngestAsync([.. results.Select(r => r.Value!)], cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return Malformed([new EventFormatError(0, ex.ParamName ?? "event", null, ex.Message)]);
        }

        return Results.Bytes(DecisionLines.Of(decided, reportableOnly: true), JsonLines);
    }

    private static List<ReadResult<AccountEvent>> Read(byte[] body)
    {
        var results = new List<ReadResult<AccountEvent>>();
        using var reader = new EventReader(new MemoryStream(body, writable: false));
        while (reader.TryRead(out var result))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>400 with the reader's typed errors: each names the line, the field and the reason.</summary>
    private static IResult Malformed(IReadOnlyList<EventFormatError> errors) =>
        Results.Problem(
            title: "malformed event",
            detail: string.Join('\n', errors.Select(e => e.ToString())),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new Dictionary<string, object?> { ["line"] = e.Line, ["field"] = e.Field, ["reason"] = e.Reason }).ToList(),
            });

    private static IResult TooLarge(int limit) =>
        Results.Problem(title: "request too large", detail: $"the body is longer than {limit:N0} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
