// Leaflet's stylesheet, bundled by Vite into the map's own chunk (its CSS file loads with it).
declare module 'leaflet/dist/leaflet.css';
