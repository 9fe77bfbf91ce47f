import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { PortalApp } from './portal/PortalApp';

/** The citizen portal's own page (web/portal.html): none of the staff console's code (ADR 0103). */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        <Route path="/portal/*" element={<PortalApp />} />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
