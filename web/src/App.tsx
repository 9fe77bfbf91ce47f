import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ConsoleApp } from './console/ConsoleApp';

/** The staff console; the citizen portal is its own page (web/portal.html, src/portal-main.tsx). */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/*" element={<ConsoleApp />} />
      </Routes>
    </BrowserRouter>
  );
}
