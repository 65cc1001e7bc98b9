// The site's host for saved anywidget explorers: it draws each saved view of a page whose
// widgets are all anywidgets, with no kernel, in place of the widget manager (3.6 MB, which a
// page with any other kind of widget still loads: htmlsite.widget_state decides).
//
// An anywidget view is an ES module (the model's `_esm`) whose `render({ model, el })` draws
// into `el` and talks to its model through get, set, on, off and save_changes. Here the model
// is the saved state held in the page: set changes it and tells the listeners, as a widget
// model does; save_changes has no kernel to send the changes to, so it keeps them here.
(function () {
  "use strict";
  const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

  function savedModel(attributes) {
    const listeners = new Map();
    const model = {
      get: (name) => attributes[name],
      set(name, value) {
        const changes = typeof name === "string" ? { [name]: value } : name;
        const changed = Object.keys(changes).filter(
          (key) => JSON.stringify(attributes[key]) !== JSON.stringify(changes[key]),
        );
        Object.assign(attributes, changes);
        for (const key of changed) emit(`change:${key}`, attributes[key]);
        if (changed.length) emit("change");
      },
      save_changes() {},
      send() {},
      on(event, callback) {
        for (const name of event.split(" ")) {
          if (!listeners.has(name)) listeners.set(name, []);
          listeners.get(name).push(callback);
        }
      },
      off(event, callback) {
        for (const name of event.split(" ")) {
          const kept = (listeners.get(name) || []).filter((cb) => callback && cb !== callback);
          listeners.set(name, kept);
        }
      },
    };
    function emit(name, value) {
      for (const callback of [...(listeners.get(name) || [])]) callback(model, value);
    }
    return model;
  }

  const styled = new Set();
  function addStyle(css) {
    if (!css || styled.has(css)) return;
    styled.add(css);
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
  }

  const modules = new Map();
  function moduleOf(esm) {
    if (!modules.has(esm)) {
      const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
      modules.set(esm, import(url));
    }
    return modules.get(esm);
  }

  async function draw(view, saved) {
    const { model_id: id } = JSON.parse(view.textContent);
    const found = saved[id];
    if (!found || found.model_module !== "anywidget") {
      throw new Error(`widget ${id}: no saved anywidget model to draw`);
    }
    // The area is marked a widget-subarea (what the page's checks wait for) once drawn.
    const area = document.createElement("div");
    const el = document.createElement("div");
    area.append(el);
    view.parentElement.insertBefore(area, view);
    const state = found.state;
    addStyle(state._css);
    const widget = await moduleOf(state._esm);
    const definition = widget.default || widget;
    const model = savedModel({ ...state });
    if (definition.initialize) await definition.initialize({ model });
    await definition.render({ model, el });
    area.className = "widget-subarea";
  }

  const stateScript = document.querySelector(STATE);
  const saved = stateScript ? JSON.parse(stateScript.textContent).state : {};
  for (const view of document.querySelectorAll(VIEW)) {
    draw(view, saved).catch((error) => console.error(error));
  }
})();
