import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useAppStore } from './app/store/app-store';
import { useClassroom } from './app/classroom/classroom-store';
import { classroomMessage, readClassroom } from './app/classroom/classroom-url';
import { startClassroomUrlSync } from './app/classroom/classroom-url-sync';
import { readBackendOverride, readPreference } from './app/store/backend-preference';
import { matchingPresetId } from './app/share/preset-match';
import { startUrlSync } from './app/share/url-sync';
import { readUrlSettings } from './app/share/share-decoding';
import './app/app.css';

// Before the first render, so the first run already uses what the address asks for.
const store = useAppStore.getState();
const { backend, problem } = readBackendOverride(window.location.search);
store.setBackendSetting(backend ?? 'auto');
store.setBackendPreference(readPreference(navigator.userAgent));
if (problem) store.say(problem);
const settings = readUrlSettings(window.location.search);
if (settings.config) store.setConfig(settings.config, matchingPresetId(settings.config));
settings.problems.forEach((p) => store.say(p));
// A classroom link: hidden and locked controls, the large chart, presenter mode.
const classroom = readClassroom(window.location.search);
useClassroom.getState().replace(classroom.settings);
const classroomProblem = classroomMessage(classroom.problems);
if (classroomProblem) store.say(classroomProblem);
// From here on the address follows the settings, so copying it from the address bar shares them.
startUrlSync(useAppStore, window.location, window.history);
startClassroomUrlSync(window.location, window.history);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
