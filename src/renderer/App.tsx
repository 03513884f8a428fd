export function App() {
  return (
    <div className="app">
      <main className="content">
        <h1>CRM Intelligence</h1>
      </main>
    </div>
  );
}
