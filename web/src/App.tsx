import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ConsoleApp } from './console/ConsoleApp';
import { PortalApp } from './portal/PortalApp';

/** Two front ends in one bundle: the public citizen portal under /portal, the staff console elsewhere. */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/portal/*" element={<PortalApp />} />
        <Route path="/*" element={<ConsoleApp />} />
      </Routes>
    </BrowserRouter>
  );
}
