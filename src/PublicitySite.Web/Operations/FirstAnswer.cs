namespace PublicitySite.Web.Operations;

/// <summary>
/// Holds the background jobs' first pass until the site has answered its first request, or for at most
/// <see cref="MaxWait"/>. On two cores a job compiling its queries beside the first reader's page slows that page;
/// a few seconds later nobody waits for either.
/// </summary>
public sealed class FirstAnswer
{
    /// <summary>The longest a job waits when no request comes (a node behind a load balancer that probes later).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(3);

    private readonly TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HasAnswered => answered.Task.IsCompleted;

    public void Answered() => answered.TrySetResult();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await answered.Task.WaitAsync(MaxWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // nobody has asked yet: the jobs start anyway
        }
    }
}
