namespace Compose.Pool2.Tests
{
    /// <summary>Tests that bind UkApi&lt;T&gt; (process-wide statics) run in this collection, one at a time.</summary>
    internal static class UkApiBindings
    {
        public const string Name = "UkApi bindings";
    }
}
