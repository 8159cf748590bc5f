// Shot-list columns come in from a file as people write them ("close-up", "35mm", "Mara; Dee",
// custom:Wardrobe), are refused with the line and column when unknown, and reach the project:
// each shot's fields, and the custom columns the file named.
import { describe, expect, it } from 'vitest';
import { openProject } from '../project/project';
import { createProjectFolder } from '../project/projectFiles';
import { useTmpDir } from '../testing/tmp.testkit';
import { applyImport, parsePlan } from './plan';

const tmp = useTmpDir('shotline-listfields-');

const CSV = [
  'scene,label,action,duration_s,tool,camera,size,angle,lens_mm,equipment,location,cast,setup,custom:Wardrobe',
  'Diner,1A,Mara at the counter,5,local:animatic,static,close-up,Low angle,35mm,handheld,Diner,Mara; Dee,3,Red coat',
  'Diner,1B,The sign,3,local:animatic,static,INSERT,pov,,,,,,',
].join('\n');

describe('shot-list columns in an imported shot list', () => {
  it('reads CSV words into the app’s values and adds the file’s custom columns to the project', () => {
    const plan = parsePlan('shots.csv', 'csv', CSV);
    const project = openProject(createProjectFolder(tmp(), 'List', { createdBy: 'test' }));
    try {
      project.timeline.updateProject({ ...project.timeline.project(), customColumns: ['Props'] });
      const [a, b] = applyImport(project, plan);
      expect(a!.list).toEqual({
        size: 'CU',
        angle: 'low',
        lensMm: 35,
        equipment: 'handheld',
        location: 'Diner',
        cast: ['Mara', 'Dee'],
        setup: 3,
        custom: { Wardrobe: 'Red coat' },
      });
      expect(b!.list).toMatchObject({ size: 'INSERT', angle: 'pov', lensMm: null, cast: [], custom: {} });
      expect(project.timeline.project().customColumns).toEqual(['Props', 'Wardrobe']);
      // Stored and read back as it was written.
      expect(project.timeline.shot(a!.id)!.list.cast).toEqual(['Mara', 'Dee']);
    } finally {
      project.close();
    }
  });

  it('reads the same fields from JSON', () => {
    const doc = {
      scenes: [{ name: 'Diner', shots: [{ action: 'Wide', durationS: 4, tool: 'local:animatic', size: 'EWS', angle: 'overhead', lensMm: 18, setup: 1 }] }],
    };
    const shot = parsePlan('shots.json', 'json', JSON.stringify(doc)).scenes[0]!.shots[0]!.fields;
    expect(shot).toMatchObject({ size: 'EWS', angle: 'overhead', lensMm: 18, setup: 1 });
  });

  it('names the line, column and the words it knows for a size or angle it does not', () => {
    const bad = CSV.replace('close-up', 'closeish');
    expect(() => parsePlan('shots.csv', 'csv', bad)).toThrow(
      /shots\.csv: line 2, column size: "closeish" is not one of ECU \(extreme close-up\), CU \(close-up\)/,
    );
    expect(() => parsePlan('shots.csv', 'csv', CSV.replace('Low angle', 'sideways'))).toThrow(/line 2, column angle: "sideways" is not one of eye level/);
    expect(() => parsePlan('shots.csv', 'csv', CSV.replace(',size,', ',sise,'))).toThrow(/unknown column "sise".*custom:NAME/);
  });
});
